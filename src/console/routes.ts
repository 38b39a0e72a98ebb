/**
 * The knowledge console's HTTP side, under /console/ on the bot's own server:
 * the page (src/console/page/, served by page-files.ts), the login link
 * (/console/login), signing out (POST /console/api/logout), and the JSON API
 * the page uses (/console/api/...). Every API request is checked against the staff list as
 * it is now (401 signed out, 403 not staff); writes must come from the
 * console's own origin (with the SameSite=Strict cookie, CSRF cannot reach
 * them); bodies are limited in size; every answer carries a
 * Content-Security-Policy without inline scripts and is never cached.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename } from "node:path";
import type { I18n } from "@grammyjs/i18n";
import type { BotContext } from "../bot/context.js";
import type { StaffSettings } from "../bot/deps.js";
import { roleOf } from "../bot/middleware/roles.js";
import type { Catalog } from "../knowledge/catalog.js";
import { checkKnowledge } from "../knowledge/check.js";
import { dataOf, entryTemplate, type EditRefusal, type KnowledgeFiles } from "../knowledge/edit.js";
import { ENTRY_TYPES, EXAM_IDS, isEntryType, ROLES } from "../knowledge/schema.js";
import type { Logger } from "../logger.js";
import type { Publisher } from "../storage/knowledge-revisions.js";
import type { Store } from "../storage/store.js";
import { UI_LANGS, type UiLang } from "../storage/users.js";
import { contentLang, languageOfUser } from "../bot/locale.js";
import { accessOf, cookieOf, SESSION_COOKIE, SESSION_MS, startSession } from "./auth.js";
import { entryFlags } from "./entry-flags.js";
import { langOfAcceptLanguage, loginRefusalPage, type LoginRefusal } from "./login-page.js";
import { loadPageFiles } from "./page-files.js";
import { previewEntry } from "./preview.js";
import type { Publishing, RevertResult, WrittenOnly } from "./publishing.js";

/** Signing out: open to anyone from the console's own page, so that a session ended or expired is no error. */
const LOGOUT = "/console/api/logout";

const OTHER_ORIGIN = "Changes are accepted only from the console's own page.";

/** Larger than any entry staff write (the biggest shipped file is ~10 KB). */
const MAX_BODY_BYTES = 256 * 1024;

/** Scripts only from the console itself (it loads none of Telegram's); Telegram's web clients may frame it. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org",
].join("; ");

export interface ConsoleDeps {
  /** PUBLIC_URL, an origin. */
  publicUrl: string;
  botToken: string;
  store: Store;
  settings: StaffSettings;
  catalog: Catalog;
  i18n: I18n<BotContext>;
  files: KnowledgeFiles;
  publishing: Publishing;
  logger: Logger;
  /**
   * Sends the staff member, in their private chat with the bot, an
   * announcement of a program's new deadlines, ready for the broadcast
   * flow's preview and confirmation.
   */
  announceDeadlines: (userId: number, programId: string, dates: string[]) => Promise<void>;
}

/** A refusal the client should read: its status and body. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Handler = (req: IncomingMessage, params: { id?: string; url: URL; by: Publisher; groups: Record<string, string | undefined> }) => Promise<Reply> | Reply;
interface Reply {
  status?: number;
  body: unknown;
}

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** Handles every request under /console. */
export function consoleHandler(deps: ConsoleDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = apiRoutes(deps);
  const page = loadPageFiles();
  const secure = deps.publicUrl.startsWith("https:");
  return (req, res) => {
    setCommonHeaders(res);
    const url = new URL(req.url ?? "/", deps.publicUrl);
    const answer = async () => {
      if (url.pathname === "/console/login") return login(req, res, url);
      if (!url.pathname.startsWith("/console/api/")) return pageFile(req, res, url);
      if (url.pathname === LOGOUT) return logout(req, res);
      const route = routes.find((r) => r.pattern.test(url.pathname) && r.method === req.method);
      if (!route) throw new HttpError(routes.some((r) => r.pattern.test(url.pathname)) ? 405 : 404, "No such request in the console's API.");
      if (req.method !== "GET" && !sameOrigin(req)) throw new HttpError(403, OTHER_ORIGIN);
      const access = accessOf(req, { botToken: deps.botToken, store: deps.store, settings: deps.settings });
      if (access.status === "signed-out") throw new HttpError(401, "Not signed in: send /console to the bot in Telegram for a login link.");
      if (access.status === "not-staff") throw new HttpError(403, "The knowledge console is for the department's staff only.");
      const groups = route.pattern.exec(url.pathname)!.groups ?? {};
      const reply = await route.handler(req, { id: groups.id, url, groups, by: { id: access.user.userId, name: access.user.name } });
      json(res, reply.status ?? 200, reply.body);
    };
    answer().catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof HttpError) return json(res, error.status, { error: error.message, ...error.extra });
      deps.logger.error({ err: error, path: url.pathname }, "knowledge console request failed");
      json(res, 500, { error: "Something went wrong on the server; nothing more was changed. Try again, or ask whoever runs the bot to look at its log." });
    });
  };

  /** A one-time login link opened: a session cookie, and on to the console's page. */
  function login(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== "GET") throw new HttpError(405, "Open the login link in a browser.");
    const token = url.searchParams.get("token") ?? "";
    const user = deps.store.consoleAccess.useLogin(token);
    if (!user) return refusedLogin(req, res, 401, "expired", deps.store.consoleAccess.loginOwner(token));
    if (roleOf(user.userId, deps.settings, deps.store) === "student") return refusedLogin(req, res, 403, "not-staff", user.userId);
    const session = startSession(deps.store.consoleAccess, user);
    deps.logger.info({ by: { id: user.userId, name: user.name } }, "signed in to the knowledge console");
    res.writeHead(303, { "set-cookie": sessionCookie(session, SESSION_MS / 1000), location: "/console/" }).end();
  }

  /** Signing out: the session ends in the database (its cookie, if kept, lets no one in) and the browser forgets the cookie. */
  function logout(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== "POST") throw new HttpError(405, "Sign out with the console's Sign out button.");
    if (!sameOrigin(req)) throw new HttpError(403, OTHER_ORIGIN);
    const session = cookieOf(req, SESSION_COOKIE);
    const user = session ? deps.store.consoleAccess.session(session) : undefined;
    if (session) deps.store.consoleAccess.endSession(session);
    if (user) deps.logger.info({ by: { id: user.userId, name: user.name } }, "signed out of the knowledge console");
    res.setHeader("set-cookie", sessionCookie("", 0));
    json(res, 200, { signedOut: true });
  }

  function sessionCookie(value: string, maxAgeSeconds: number): string {
    return [`${SESSION_COOKIE}=${value}`, "Path=/console", "HttpOnly", "SameSite=Strict", `Max-Age=${maxAgeSeconds}`, ...(secure ? ["Secure"] : [])].join("; ");
  }

  /** A login link refused, as a page a person reads: in the language of whom the link was for when known, else the browser's, else all three. */
  function refusedLogin(req: IncomingMessage, res: ServerResponse, status: number, refusal: LoginRefusal, userId: number | undefined): void {
    const user = userId === undefined ? undefined : deps.store.users.get(userId);
    const lang = user ? contentLang(languageOfUser(user)) : langOfAcceptLanguage(req.headers["accept-language"]);
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(loginRefusalPage(refusal, lang));
  }

  /** The page's files; /console itself goes on to /console/, where its modules' relative addresses work. */
  function pageFile(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(405, "The console's page is only read.");
    if (url.pathname === "/console") return void res.writeHead(308, { location: "/console/" }).end();
    const file = page.get(url.pathname.slice("/console/".length));
    if (!file) throw new HttpError(404, "Not found.");
    res.writeHead(200, { "content-type": file.contentType, "content-length": file.body.length }).end(req.method === "HEAD" ? undefined : file.body);
  }

  function sameOrigin(req: IncomingMessage): boolean {
    return req.headers.origin === deps.publicUrl;
  }
}

function apiRoutes({ files, publishing, store, catalog, i18n, logger, announceDeadlines }: ConsoleDeps): Route[] {
  const entry = /^\/console\/api\/entries\/(?<id>[^/]+)$/;
  const route = (method: string, pattern: RegExp, handler: Handler): Route => ({ method, pattern, handler });
  const existing = (id: string | undefined) => {
    const found = id === undefined ? undefined : files.read(id);
    if (!found) throw new HttpError(404, `There is no entry "${id}".`);
    return found;
  };
  const preview = (id: string, kb: Parameters<typeof previewEntry>[1], url: URL) => {
    const lang = url.searchParams.get("lang") ?? "uz";
    if (!(UI_LANGS as readonly string[]).includes(lang)) throw new HttpError(400, `lang must be one of: ${UI_LANGS.join(", ")}.`);
    const shown = previewEntry(i18n, kb, id, lang as UiLang);
    if (!shown) throw new HttpError(404, `The bot has no entry "${id}" loaded.`);
    return { body: shown };
  };
  return [
    // The page's labels follow the language the staff member reads the bot in (Uzbek in Latin letters for either script).
    route("GET", /^\/console\/api\/me$/, (_req, { by }) => ({ body: { ...by, lang: contentLang(languageOfUser(store.users.get(by.id))) } })),
    // What the editor offers to choose from, as the schema has it.
    route("GET", /^\/console\/api\/choices$/, () => ({ body: { roles: ROLES, exams: EXAM_IDS } })),
    route("GET", /^\/console\/api\/entries$/, () => {
      const problems = problemsByEntry(files.dir);
      return { body: files.list().map(({ entry: data, ...summary }) => ({ ...summary, ...entryFlags(data), problems: problems.get(summary.id) ?? 0 })) };
    }),
    route("GET", entry, (_req, { id }) => {
      const { entry: data, revision } = existing(id);
      return { body: { entry: data, revision } };
    }),
    route("PUT", entry, async (req, { id, by }) => {
      existing(id);
      const ifMatch = req.headers["if-match"]?.replace(/^W\//, "").replace(/^"|"$/g, "");
      if (!ifMatch) throw new HttpError(428, "Send the entry's revision in If-Match, so that no one's edit is lost.");
      const body = await readJson(req);
      return published(publishing.save(id!, body.entry, ifMatch, by));
    }),
    route("POST", /^\/console\/api\/entries$/, async (req, { by }) => {
      const body = await readJson(req);
      const { type, id } = body;
      const created = body.entry ?? (isEntryType(type) && typeof id === "string" ? entryTemplate(type, id) : undefined);
      if (created === undefined) throw new HttpError(400, `Send {entry}, or {type, id} with type one of: ${ENTRY_TYPES.join(", ")}.`);
      const result = publishing.create(created, by);
      return result.ok ? { status: 201, body: { id: result.id, revision: result.revision } } : refused(result);
    }),
    route("DELETE", entry, (_req, { id, by }) => {
      existing(id);
      return published(publishing.archive(id!, by));
    }),
    route("GET", /^\/console\/api\/entries\/(?<id>[^/]+)\/history$/, (_req, { id }) => ({
      body: store.knowledgeRevisions.history(id!),
    })),
    // One publish: the file before and after it (YAML, as stored), and both read as entries for the page's "what changed".
    route("GET", /^\/console\/api\/entries\/(?<id>[^/]+)\/history\/(?<revision>[^/]+)$/, (_req, { id, url, groups }) => {
      const at = Number(url.searchParams.get("at") ?? 0);
      const change = store.knowledgeRevisions.change(id!, decodedOrRaw(groups.revision!), Number.isSafeInteger(at) && at > 0 ? at : undefined);
      if (!change) throw new HttpError(404, "This entry has no such revision in its history.");
      const read = (text: string | null) => (text === null ? null : dataOf(text));
      return { body: { ...change, entries: { before: read(change.before), after: read(change.after) } } };
    }),
    route("POST", /^\/console\/api\/entries\/(?<id>[^/]+)\/revert$/, async (req, { id, by }) => {
      const { revision, before, at } = await readJson(req);
      if (typeof revision !== "string") throw new HttpError(400, "Send {revision}: the revision to go back to, from the history.");
      if ((before !== undefined && typeof before !== "boolean") || (at !== undefined && !Number.isSafeInteger(at))) {
        throw new HttpError(400, "Send {revision, before?: true, at?: <ms from the history>}.");
      }
      return published(publishing.revert(id!, revision, by, { before: before === true, at: at as number | undefined }));
    }),
    route("GET", /^\/console\/api\/entries\/(?<id>[^/]+)\/preview$/, (_req, { id, url }) => preview(id!, catalog.kb, url)),
    route("POST", /^\/console\/api\/entries\/(?<id>[^/]+)\/preview$/, async (req, { id, url }) => {
      const body = await readJson(req);
      const base = files.baseWith(id!, body.entry);
      if (!base.ok) return refused(base);
      return preview(id!, base.kb, url);
    }),
    route("POST", /^\/console\/api\/entries\/(?<id>[^/]+)\/announce$/, async (req, { id, by }) => {
      const { dates } = await readJson(req);
      const program = catalog.kb.byId.get(id!);
      if (program?.type !== "program") throw new HttpError(404, `There is no program "${id}".`);
      const published = new Set(program.program.deadlines.items.map((d) => d.date));
      if (!Array.isArray(dates) || dates.length === 0 || !dates.every((date) => typeof date === "string" && published.has(date))) {
        throw new HttpError(422, "Send {dates}: deadlines the program has now, as published.");
      }
      try {
        await announceDeadlines(by.id, program.id, dates as string[]);
      } catch (error) {
        logger.warn({ err: error, entry: program.id }, "could not send a deadline announcement to its staff member");
        throw new HttpError(502, "The bot could not send you the announcement in Telegram. Open your chat with the bot, press Start, and try again.");
      }
      return { body: { sent: true } };
    }),
    route("GET", /^\/console\/api\/templates\/(?<id>[^/]+)$/, (_req, { id, url }) => {
      if (!isEntryType(id)) throw new HttpError(404, `Templates are for: ${ENTRY_TYPES.join(", ")}.`);
      return { body: { entry: entryTemplate(id, url.searchParams.get("id") ?? "new-entry") } };
    }),
  ];
}

/** A path segment percent-decoded; one that is no valid encoding ("%E0") as it came, which matches nothing. */
function decodedOrRaw(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** How many problems kb:check finds in each entry's file, by entry id (a file edited by hand may have some). */
function problemsByEntry(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { file } of checkKnowledge(dir).problems) {
    const id = basename(file).replace(/\.ya?ml$/, "");
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function published(result: RevertResult): Reply {
  return result.ok ? { body: { revision: result.revision } } : refused(result);
}

/** The file written, and a step after it failed: the staff member must know what students get now. */
function writtenOnly({ failed, revision }: WrittenOnly): never {
  throw new HttpError(
    500,
    failed === "reload"
      ? "The file was written, but the bot could not reload the knowledge: it still serves the previous knowledge to students. Ask whoever runs the bot to look at its log; reload this page before editing again."
      : "Published: students get it now, but the change could not be added to the entry's history. Ask whoever runs the bot to look at its log.",
    { written: true, revision },
  );
}

/** A refused change as the page needs it: what to show, and what to fix. */
function refused(result: EditRefusal | Extract<RevertResult, { ok: false }>): never {
  switch (result.reason) {
    case "not-found":
      throw new HttpError(404, "There is no such entry.");
    case "exists":
      throw new HttpError(409, "An entry with this id already exists: choose another id.");
    case "conflict":
      throw new HttpError(409, "Someone changed this entry after you opened it. Here it is as it is now: compare, then save again.", {
        entry: result.current.entry,
        revision: result.current.revision,
      });
    case "invalid":
      throw new HttpError(422, "The entry has problems; nothing was saved.", { problems: result.problems });
    case "linked":
      throw new HttpError(409, `Other entries link to this one: ${result.linkedFrom.map((e) => e.title.en).join(", ")}. Remove those links first.`, {
        linkedFrom: result.linkedFrom,
      });
    case "no-revision":
      throw new HttpError(404, "This entry has no such revision in its history.");
    case "did-not-exist":
      throw new HttpError(409, "Before that change the entry did not exist: to take it away from students, archive it.");
    case "was-archived":
      throw new HttpError(409, "That revision is the entry's archiving: choose a revision before it.");
    case "written-only":
      return writtenOnly(result);
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/.test(req.headers["content-type"] ?? "")) throw new HttpError(415, "Send JSON (Content-Type: application/json).");
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `The request is too large (at most ${MAX_BODY_BYTES / 1024} KB).`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `The request is too large (at most ${MAX_BODY_BYTES / 1024} KB).`);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "The request is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, "Expected a JSON object.");
  return body as Record<string, unknown>;
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
  res.setHeader("x-content-type-options", "nosniff");
  // The login link's token must not travel on in a Referer.
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("cache-control", "no-store");
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
