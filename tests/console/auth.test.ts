import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sign } from "@tma.js/init-data-node";
import { GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { initDataUser, SESSION_MS, startSession } from "../../src/console/auth.js";
import { issueLoginLink, LOGIN_LINK_MS, LOGIN_LINKS_PER_WINDOW } from "../../src/console/links.js";
import { createLogger } from "../../src/logger.js";
import { openDatabase, type Db } from "../../src/storage/database.js";
import { Store } from "../../src/storage/store.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0";
const AZIZ = { userId: 501, name: "Aziz" };
const URL_ROOT = "http://127.0.0.1:8080";

let dir: string;
let db: Db;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "jspu-console-"));
  db = openDatabase(join(dir, "bot.sqlite"));
  store = new Store(db);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

describe("Mini App init data", () => {
  const signed = (authDate: Date, token = TOKEN) => sign({ user: { id: 501, first_name: "Aziz", last_name: "Karimov" } }, token, authDate);

  it("names the Telegram user when Telegram signed it with the bot's token", () => {
    expect(initDataUser(signed(new Date()), TOKEN)).toEqual({ userId: 501, name: "Aziz Karimov" });
  });

  it("refuses a bad signature, or data changed after signing", () => {
    expect(initDataUser(signed(new Date(), "987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"), TOKEN)).toBeUndefined();
    expect(initDataUser(signed(new Date()).replace("501", "502"), TOKEN)).toBeUndefined();
    expect(initDataUser("not init data", TOKEN)).toBeUndefined();
  });

  it("refuses init data more than a day old", () => {
    expect(initDataUser(signed(new Date(Date.now() - 23 * 3600_000)), TOKEN)).toEqual({ userId: 501, name: "Aziz Karimov" });
    expect(initDataUser(signed(new Date(Date.now() - 25 * 3600_000)), TOKEN)).toBeUndefined();
  });
});

describe("login links", () => {
  it("let in once, within 10 minutes, and store only a hash of the token", () => {
    const now = Date.now();
    const link = issueLoginLink(store.consoleAccess, URL_ROOT, AZIZ, now)!;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8080\/console\/login\?token=[\w-]{43}$/);
    const token = tokenOf(link);
    const stored = db.prepare("SELECT * FROM console_logins").all() as { token_hash: string }[];
    expect(stored).toEqual([expect.objectContaining({ token_hash: createHash("sha256").update(token).digest("hex"), user_id: 501 })]);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(store.consoleAccess.useLogin(token, now + 1000)).toEqual(AZIZ);
    expect(store.consoleAccess.useLogin(token, now + 2000)).toBeUndefined();
  });

  it("expire after 10 minutes", () => {
    const now = Date.now();
    const token = tokenOf(issueLoginLink(store.consoleAccess, URL_ROOT, AZIZ, now)!);
    expect(store.consoleAccess.useLogin(token, now + LOGIN_LINK_MS)).toBeUndefined();
    expect(store.consoleAccess.useLogin("made-up", now)).toBeUndefined();
  });

  it(`are given at most ${LOGIN_LINKS_PER_WINDOW} per 10 minutes to one person`, () => {
    const now = Date.now();
    for (let i = 0; i < LOGIN_LINKS_PER_WINDOW; i++) expect(issueLoginLink(store.consoleAccess, URL_ROOT, AZIZ, now + i)).toBeDefined();
    expect(issueLoginLink(store.consoleAccess, URL_ROOT, AZIZ, now + 10)).toBeUndefined();
    expect(issueLoginLink(store.consoleAccess, URL_ROOT, { userId: 502, name: "Dilnoza" }, now + 10)).toBeDefined();
    expect(issueLoginLink(store.consoleAccess, URL_ROOT, AZIZ, now + LOGIN_LINK_MS + 1)).toBeDefined();
  });
});

describe("sessions", () => {
  it("are found by their cookie until they expire, stored as hashes, and end on request", () => {
    const now = Date.now();
    const id = startSession(store.consoleAccess, AZIZ, now);
    expect(store.consoleAccess.session(id, now + 1000)).toEqual(AZIZ);
    expect(store.consoleAccess.session(id, now + SESSION_MS)).toBeUndefined();
    expect(JSON.stringify(db.prepare("SELECT * FROM console_sessions").all())).not.toContain(id);
    store.consoleAccess.endSession(id);
    expect(store.consoleAccess.session(id, now + 1000)).toBeUndefined();
  });

  it("and expired links are forgotten by the daily tidy", () => {
    const now = Date.now();
    issueLoginLink(store.consoleAccess, URL_ROOT, AZIZ, now - 2 * LOGIN_LINK_MS);
    startSession(store.consoleAccess, AZIZ, now - 2 * SESSION_MS);
    store.consoleAccess.forgetExpired(now);
    expect(db.prepare("SELECT COUNT(*) AS n FROM console_logins").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM console_sessions").get()).toEqual({ n: 0 });
  });
});

describe("login links in the log", () => {
  it("are never written: a failed send of /console's answer logs its payload, the link's token scrubbed", () => {
    const link = issueLoginLink(store.consoleAccess, URL_ROOT, AZIZ)!;
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    const failed = new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 400, description: "Bad Request" }, "sendMessage", {
      chat_id: AZIZ.userId,
      text: `Your login link: ${link}`,
    });
    logger.error({ err: failed }, "error while handling an update");
    expect(lines.join("")).not.toContain(tokenOf(link));
    expect(JSON.parse(lines[0]!).err.payload.text).toBe(`Your login link: ${URL_ROOT}/console/login?token=<login token>`);
  });
});
