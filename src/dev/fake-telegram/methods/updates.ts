// getMe, long polling and webhook bookkeeping.
import { badRequest, conflict } from "../errors.js";
import { isReservedHost } from "../links.js";
import { boolParam, intParam, jsonParam, strParam, type Params } from "../params.js";
import type { World } from "../world.js";
import type { Handler } from "./handler.js";

/** Telegram caps long-poll timeouts at 50 s. */
const MAX_POLL_TIMEOUT = 50;
const WEBHOOK_PORTS = new Set(["", "80", "88", "443", "8443"]);

function allowedUpdates(p: Params): string[] | undefined {
  const raw = jsonParam(p, "allowed_updates");
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw badRequest(`field "allowed_updates" must be of type Array`);
  return raw.filter((t): t is string => typeof t === "string");
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

const getMe: Handler = (world) => ({ ...world.me });

const getUpdates: Handler = async (world, p, ctx) => {
  if (world.webhook) {
    throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const offset = intParam(p, "offset");
  const limit = clamp(intParam(p, "limit") ?? 100, 1, 100);
  const timeout = clamp(intParam(p, "timeout") ?? 0, 0, MAX_POLL_TIMEOUT);
  world.updates.setAllowed(allowedUpdates(p));
  return world.updates.poll(offset, limit, timeout, ctx.signal);
};

function dropPending(world: World, p: Params): void {
  if (boolParam(p, "drop_pending_updates")) world.updates.dropAll();
}

const setWebhook: Handler = (world, p) => {
  const url = strParam(p, "url") ?? "";
  if (url === "") {
    // An empty URL removes the webhook, like deleteWebhook.
    world.webhook = undefined;
    dropPending(world, p);
    return true;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("bad webhook: Failed to resolve host: Name or service not known");
  }
  if (parsed.protocol !== "https:") throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  if (!WEBHOOK_PORTS.has(parsed.port)) throw badRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
  if (isReservedHost(parsed.hostname)) throw badRequest(`bad webhook: IP address ${parsed.hostname} is reserved`);
  const secretToken = strParam(p, "secret_token");
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest("secret token contains unallowed characters");
  }
  const maxConnections = clamp(intParam(p, "max_connections") ?? 40, 1, 100);
  const ipAddress = strParam(p, "ip_address");
  world.updates.setAllowed(allowedUpdates(p));
  dropPending(world, p);
  world.webhook = { url, maxConnections };
  if (secretToken !== undefined) world.webhook.secretToken = secretToken;
  if (ipAddress !== undefined) world.webhook.ipAddress = ipAddress;
  return true;
};

const deleteWebhook: Handler = (world, p) => {
  world.webhook = undefined;
  dropPending(world, p);
  return true;
};

const getWebhookInfo: Handler = (world) => {
  const w = world.webhook;
  const allowed = world.updates.allowedUpdates();
  return {
    url: w?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: world.updates.pending(),
    ...(w ? { max_connections: w.maxConnections } : {}),
    ...(w?.ipAddress ? { ip_address: w.ipAddress } : {}),
    ...(w && allowed ? { allowed_updates: allowed } : {}),
  };
};

export const updateMethods: Record<string, Handler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
};
