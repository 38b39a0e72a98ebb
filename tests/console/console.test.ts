/**
 * The knowledge console end to end: the real bot (startApp) with PUBLIC_URL,
 * the fake Telegram, and the console's JSON API over HTTP, on a copy of the
 * knowledge folder. What staff publish is what students get, at once.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sign } from "@tma.js/init-data-node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import type { FakeUser } from "../../src/dev/fake-telegram/index.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { startBot, type Harness } from "../bot/harness.js";

const OWNER = 9001;
const NEW_DATE = "2027-09-15";

let h: Harness;
let knowledge: string;
let origin: string;

/** A port nobody listens on now, so that PUBLIC_URL can name it before the bot starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function start(overrides: Partial<Config> = {}): Promise<void> {
  knowledge = mkdtempSync(join(tmpdir(), "jspu-console-kb-"));
  cpSync(KNOWLEDGE_DIR, knowledge, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  h = await startBot({ PORT: port, PUBLIC_URL: origin, KNOWLEDGE_DIR: knowledge, ADMIN_IDS: [OWNER], ...overrides });
}

afterEach(async () => {
  expect(h.fake.rejected()).toEqual([]);
  await h.stop();
  rmSync(knowledge, { recursive: true, force: true });
});

/** A staff member of the department, added by the owner. */
function staffMember(name = "Aziz"): FakeUser {
  const user = h.fake.user({ firstName: name, languageCode: "en" });
  h.app.store.staff.add(user.id, name, OWNER);
  return user;
}

async function loginLink(user: FakeUser): Promise<string> {
  const reply = await user.send("/console");
  const link = /http:\/\/\S+\/console\/login\?token=[\w-]+/.exec(reply.text)?.[0];
  expect(link, reply.text).toBeDefined();
  return link!;
}

/** Follows a login link as a browser would, and returns the session cookie. */
async function signIn(user: FakeUser): Promise<string> {
  const response = await fetch(await loginLink(user), { redirect: "manual" });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("/console/");
  const cookie = response.headers.get("set-cookie")!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  expect(cookie).not.toMatch(/Secure/); // plain http on the university network
  return cookie.split(";")[0]!;
}

interface Call {
  status: number;
  body: Record<string, unknown> & { error?: string };
  headers: Headers;
}

async function api(cookie: string | { authorization: string }, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Call> {
  const auth = typeof cookie === "string" ? { cookie } : cookie;
  const response = await fetch(`${origin}/console/api${path}`, {
    method,
    headers: { ...auth, ...(method === "GET" ? {} : { origin }), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Call["body"], headers: response.headers };
}

type Erasmus = { program: { deadlines: { items: { date: string; note: Record<string, string> }[] } } };
const withDeadline = (entry: unknown, date: string): Erasmus => {
  const copy = structuredClone(entry) as Erasmus;
  copy.program.deadlines.items = [{ date, note: { uz: "Arizalar qabuli", ru: "Приём заявок", en: "Applications close" } }];
  return copy;
};

describe("the knowledge console", () => {
  beforeEach(() => start());

  it("publishes a deadline that students get at once in their language; a stale revision gets 409, a bad date 422; history and revert", async () => {
    const cookie = await signIn(staffMember());
    const list = await api(cookie, "GET", "/entries");
    expect(list.status).toBe(200);
    expect(list.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(list.headers.get("content-security-policy")).not.toMatch(/unsafe-inline/);
    expect(list.body).toContainEqual(expect.objectContaining({ id: "erasmus-mundus", type: "program", title: expect.objectContaining({ en: "Erasmus Mundus" }) }));

    const opened = await api(cookie, "GET", "/entries/erasmus-mundus");
    const { entry, revision } = opened.body as { entry: Erasmus; revision: string };
    expect(entry.program.deadlines.items).toEqual([]);

    const saved = await api(cookie, "PUT", "/entries/erasmus-mundus", { entry: withDeadline(entry, NEW_DATE) }, { "if-match": revision });
    expect(saved.status).toBe(200);
    const file = readFileSync(join(knowledge, "programs/erasmus-mundus.yaml"), "utf8");
    expect(file).toContain(`      - date: ${NEW_DATE}`);
    expect(file.startsWith("# Erasmus Mundus — program of the European Union.")).toBe(true);

    const student = h.fake.user({ languageCode: "en" });
    expect((await student.send("erasmus deadline")).text).toContain("15 September 2027");
    const russian = h.fake.user({ languageCode: "ru" });
    expect((await russian.send("эразмус сроки")).text).toContain("15 сентября 2027");

    // A second editor still holding the first revision is refused, and shown the entry as it is now.
    const stale = await api(cookie, "PUT", "/entries/erasmus-mundus", { entry: withDeadline(entry, "2027-10-01") }, { "if-match": revision });
    expect(stale.status).toBe(409);
    expect(stale.body.revision).toBe(saved.body.revision);
    expect((stale.body.entry as Erasmus).program.deadlines.items[0]!.date).toBe(NEW_DATE);

    const bad = await api(cookie, "PUT", "/entries/erasmus-mundus", { entry: withDeadline(entry, "15.09.2027") }, { "if-match": String(saved.body.revision) });
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toEqual([{ path: "program.deadlines.items.0.date", message: "expected a date as YYYY-MM-DD" }]);
    expect(readFileSync(join(knowledge, "programs/erasmus-mundus.yaml"), "utf8")).toBe(file);

    const moved = await api(cookie, "PUT", "/entries/erasmus-mundus", { entry: withDeadline(entry, "2027-10-01") }, { "if-match": String(saved.body.revision) });
    expect(moved.status).toBe(200);
    const history = await api(cookie, "GET", "/entries/erasmus-mundus/history");
    expect(history.body).toEqual([
      { revision: moved.body.revision, at: expect.any(Number), by: { id: expect.any(Number), name: "Aziz" } },
      { revision: saved.body.revision, at: expect.any(Number), by: { id: expect.any(Number), name: "Aziz" } },
    ]);

    const reverted = await api(cookie, "POST", "/entries/erasmus-mundus/revert", { revision: saved.body.revision });
    expect(reverted.status).toBe(200);
    expect(reverted.body.revision).toBe(saved.body.revision);
    expect(readFileSync(join(knowledge, "programs/erasmus-mundus.yaml"), "utf8")).toBe(file);
    expect(((await api(cookie, "GET", "/entries/erasmus-mundus/history")).body as unknown as unknown[]).length).toBe(3);
    expect((await student.send("erasmus deadline")).text).toContain("15 September 2027");
  });

  it("previews an entry as saved and as posted, in each language, as the bot renders it", async () => {
    const cookie = await signIn(staffMember());
    const saved = await api(cookie, "GET", "/entries/erasmus-mundus/preview?lang=ru");
    expect(saved.status).toBe(200);
    const card = saved.body.card as { html: string; buttons: string[][] };
    expect(card.html).toMatch(/^<b>Erasmus Mundus \(Эразмус Мундус\)<\/b>\n/);
    expect(card.html).toContain("ДГПУ активно участвует");
    expect(card.buttons.flat().length).toBeGreaterThan(0);

    const { entry } = (await api(cookie, "GET", "/entries/erasmus-mundus")).body;
    const posted = await api(cookie, "POST", "/entries/erasmus-mundus/preview?lang=uz-cyrl", { entry: withDeadline(entry, NEW_DATE) });
    expect(posted.status).toBe(200);
    expect((posted.body.sections as Record<string, { html: string }>).deadlines!.html).toContain("15 сентябр, 2027: Аризалар қабули");
    // Nothing was saved by a preview.
    expect(readFileSync(join(knowledge, "programs/erasmus-mundus.yaml"), "utf8")).not.toContain(NEW_DATE);
    const invalid = await api(cookie, "POST", "/entries/erasmus-mundus/preview?lang=en", { entry: withDeadline(entry, "soon") });
    expect(invalid.status).toBe(422);
    expect((await api(cookie, "GET", "/entries/erasmus-mundus/preview?lang=de")).status).toBe(400);
  });

  it("creates an entry that search finds at once, and archives only what nothing links to", async () => {
    const cookie = await signIn(staffMember());
    const template = await api(cookie, "GET", "/templates/topic?id=summer-school");
    const entry = {
      ...(template.body.entry as object),
      title: { uz: "Yozgi maktab", ru: "Летняя школа", en: "Summer school" },
      summary: { uz: "Yozgi maktab haqida", ru: "О летней школе", en: "About the summer school" },
      aliases: { uz: ["yozgi maktab"], ru: ["летняя школа"], en: ["summer school"] },
    };
    const created = await api(cookie, "POST", "/entries", { entry });
    expect(created.status).toBe(201);
    const student = h.fake.user({ languageCode: "en" });
    expect((await student.send("summer school")).text).toMatch(/^Summer school/);
    expect((await api(cookie, "POST", "/entries", { entry })).status).toBe(409);

    const linked = await api(cookie, "DELETE", "/entries/south-korea");
    expect(linked.status).toBe(409);
    expect((linked.body.linkedFrom as { id: string }[]).map((e) => e.id)).toContain("koica");
    expect((await api(cookie, "DELETE", "/entries/summer-school")).status).toBe(200);
    expect((await api(cookie, "GET", "/entries/summer-school")).status).toBe(404);
  });

  it("lets staff in through the Mini App's init data signed with the bot's token, and no one else", async () => {
    const staff = staffMember();
    const student = h.fake.user({ languageCode: "en" });
    const initData = (id: number, token = h.fake.token) => ({ authorization: `tma ${sign({ user: { id, first_name: "X" } }, token, new Date())}` });
    expect((await api(initData(staff.id), "GET", "/entries")).status).toBe(200);
    expect((await api(initData(OWNER), "GET", "/me")).body).toEqual({ id: OWNER, name: "X" });
    expect((await api(initData(student.id), "GET", "/entries")).status).toBe(403);
    expect((await api(initData(staff.id, "1:forged-token-forged-token-forged"), "GET", "/entries")).status).toBe(401);
    const old = { authorization: `tma ${sign({ user: { id: staff.id, first_name: "X" } }, h.fake.token, new Date(Date.now() - 2 * 86_400_000))}` };
    expect((await api(old, "GET", "/entries")).status).toBe(401);
  });

  it("refuses a student, a removed staff member, an expired or reused link, and writes from another origin", async () => {
    const student = h.fake.user({ languageCode: "en" });
    expect((await student.send("/console")).text).toBe("This is for the department's staff only.");
    expect((await fetch(`${origin}/console/api/entries`)).status).toBe(401);

    const staff = staffMember();
    const link = await loginLink(staff);
    expect((await fetch(link, { redirect: "manual" })).status).toBe(303);
    const reused = await fetch(link, { redirect: "manual" });
    expect(reused.status).toBe(401);
    expect(((await reused.json()) as { error: string }).error).toMatch(/expired or was already used/);

    h.app.store.consoleAccess.addLogin("expired-token", { userId: staff.id, name: "Aziz" }, Date.now() - 1);
    expect((await fetch(`${origin}/console/login?token=expired-token`, { redirect: "manual" })).status).toBe(401);

    const cookie = await signIn(staff);
    const { revision, entry } = (await api(cookie, "GET", "/entries/koica")).body;
    const foreign = await api(cookie, "PUT", "/entries/koica", { entry }, { "if-match": String(revision), origin: "https://evil.example" });
    expect(foreign.status).toBe(403);

    h.app.store.staff.remove(staff.id);
    expect((await api(cookie, "GET", "/entries")).status).toBe(403);
    expect(h.fake.rejected()).toEqual([]);
  });
});

describe("without PUBLIC_URL", () => {
  beforeEach(() => start({ PUBLIC_URL: undefined }));

  it("the console is off, and staff are told so", async () => {
    expect((await staffMember().send("/console")).text).toMatch(/^The knowledge console is off/);
    expect((await fetch(`${origin}/console/api/entries`)).status).toBe(404);
  });
});

describe("with an https PUBLIC_URL", () => {
  beforeEach(() => start({ PUBLIC_URL: "https://bot.example.org" }));

  it("/console also offers the console inside Telegram, as a Mini App", async () => {
    const reply = await staffMember().send("/console");
    expect(reply.text).toMatch(/https:\/\/bot\.example\.org\/console\/login\?token=/);
    expect(reply.buttons.flat().map((b) => b.text)).toEqual(["📚 Knowledge"]);
  });
});
