// Reading request parameters the way the Bot API does: grammY sends JSON, but
// Telegram also accepts form/query strings, where numbers, booleans and
// objects arrive as text. Coercing here keeps the method handlers simple.
import { badRequest, Errors } from "./errors.js";

export type Params = Record<string, unknown>;

/** A chat id as Telegram resolves it: numbers (or numeric strings), else an @username. */
export function chatIdParam(p: Params, name = "chat_id"): number | string {
  const raw = p[name];
  if (raw === undefined || raw === null || raw === "") {
    if (name === "chat_id") throw Errors.chatIdEmpty();
    throw Errors.required(name);
  }
  if (typeof raw === "number" && Number.isInteger(raw)) return raw;
  if (typeof raw === "string") {
    const s = raw.trim();
    if (/^-?\d+$/.test(s)) return Number(s);
    return s;
  }
  throw badRequest(`field "${name}" must be of type Integer or String`);
}

export function intParam(p: Params, name: string): number | undefined {
  const raw = p[name];
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw === "number" && Number.isInteger(raw)) return raw;
  if (typeof raw === "string" && /^-?\d+$/.test(raw.trim())) return Number(raw.trim());
  throw badRequest(`field "${name}" must be of type Integer`);
}

export function boolParam(p: Params, name: string): boolean | undefined {
  const raw = p[name];
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw === "boolean") return raw;
  if (raw === "true" || raw === "1" || raw === 1) return true;
  if (raw === "false" || raw === "0" || raw === 0) return false;
  throw badRequest(`field "${name}" must be of type Boolean`);
}

/** Strings; numbers are accepted and stringified, as Telegram does. */
export function strParam(p: Params, name: string): string | undefined {
  const raw = p[name];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  throw badRequest(`field "${name}" must be of type String`);
}

/** Object/array parameters: JSON already, or a JSON string (form-encoded requests). */
export function jsonParam(p: Params, name: string, onBadJson?: () => Error): unknown {
  const raw = p[name];
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw onBadJson ? onBadJson() : badRequest(`can't parse ${name} JSON object`);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** UTF-8 length: Telegram limits callback_data and ids in bytes, not characters. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** JSON with sorted keys, to compare objects regardless of key order. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) => {
    if (isRecord(value)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(value).sort()) sorted[k] = value[k];
      return sorted;
    }
    return value;
  });
}
