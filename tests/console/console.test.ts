/**
 * The knowledge console end to end: the real bot (startApp) with PUBLIC_URL,
 * the fake Telegram, and the console's JSON API over HTTP, on a copy of the
 * knowledge folder. What staff publish is what students get, at once.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { sign } from "@tma.js/init-data-node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Config } from "../../src/config.js";
import type { FakeUser } from "../../src/dev/fake-telegram/index.js";
import { Catalog } from "../../src/knowledge/catalog.js";
import { KnowledgeError } from "../../src/knowledge/problems.js";
import { daysFromToday, knowledgeWithDeadlines } from "../fixtures/knowledge-with-deadlines.js";
import type { Harness } from "../bot/harness.js";
import { eventually } from "../bot/harness.js";
import { loginLink, OWNER, startConsoleBot, staffMember as staffOf, type ConsoleBot } from "./harness.js";

const NEW_DATE = "2027-09-15";

let bot: ConsoleBot;
let h: Harness;
let knowledge: string;
let origin: string;

async function start(overrides: Partial<Config> = {}, from?: string): Promise<void> {
  bot = await startConsoleBot(overrides, from);
  ({ h, knowledge, origin } = bot);
}

afterEach(() => bot.stop());

const staffMember = (name = "Aziz"): FakeUser => staffOf(h, name);

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
    const afterRevert = (await api(cookie, "GET", "/entries/erasmus-mundus/history")).body as unknown as { revision: string; at: number }[];
    expect(afterRevert.length).toBe(3);
    expect((await student.send("erasmus deadline")).text).toContain("15 September 2027");

    // One publish: the file before and after it, as stored, and both read as entries.
    const first = await api(cookie, "GET", `/entries/erasmus-mundus/history/${String(saved.body.revision)}?at=${afterRevert[2]!.at}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revision: saved.body.revision, at: afterRevert[2]!.at, by: { name: "Aziz" } });
    expect(first.body.after).toBe(file);
    expect(first.body.before).not.toContain(NEW_DATE);
    expect(first.body.before).toContain("# Erasmus Mundus — program of the European Union.");
    const read = first.body.entries as { before: Erasmus; after: Erasmus };
    expect(read.before.program.deadlines.items).toEqual([]);
    expect(read.after.program.deadlines.items[0]!.date).toBe(NEW_DATE);
    // The same revision again (the revert): without `at`, the latest; it undid the move.
    const latest = await api(cookie, "GET", `/entries/erasmus-mundus/history/${String(saved.body.revision)}`);
    expect(latest.body.at).toBe(afterRevert[0]!.at);
    expect(latest.body.before).toContain("2027-10-01");
    expect((await api(cookie, "GET", "/entries/erasmus-mundus/history/0123456789abcdef0123")).status).toBe(404);

    // Back to the entry as it was before the console first changed it: the text the oldest publish replaced.
    const undone = await api(cookie, "POST", "/entries/erasmus-mundus/revert", { revision: saved.body.revision, before: true, at: afterRevert[2]!.at });
    expect(undone.status).toBe(200);
    expect(readFileSync(join(knowledge, "programs/erasmus-mundus.yaml"), "utf8")).toBe(first.body.before);
    expect((await student.send("erasmus deadline")).text).not.toContain("2027");
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
    expect((posted.body.sections as Record<string, { html: string }>).deadlines!.html).toContain("15-сентябрь, 2027: Аризалар қабули");
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
    // The page's words in the language the staff member reads the bot in: Uzbek for someone the bot has not met.
    expect((await api(initData(OWNER), "GET", "/me")).body).toEqual({ id: OWNER, name: "X", lang: "uz" });
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
    // Refused links answer a page a person reads (no script, the console's CSP), in the language of whom the link was for.
    const reused = await fetch(link, { redirect: "manual", headers: { "accept-language": "ru" } });
    expect(reused.status).toBe(401);
    expect(reused.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(reused.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    const reusedPage = await reused.text();
    expect(reusedPage).toContain('<html lang="en">');
    expect(reusedPage).toContain("This login link has expired or was already used.");
    expect(reusedPage).toContain("Send /console to the bot in Telegram for a new link.");
    expect(reusedPage).not.toMatch(/<script|\{"error"|Эта ссылка/);

    h.app.store.consoleAccess.addLogin("expired-token", { userId: staff.id, name: "Aziz" }, Date.now() - 1);
    expect((await fetch(`${origin}/console/login?token=expired-token`, { redirect: "manual" })).status).toBe(401);
    // A link nobody knows: the browser's language, or all three.
    const unknown = (acceptLanguage?: string) =>
      fetch(`${origin}/console/login?token=<b>no</b>`, { headers: acceptLanguage ? { "accept-language": acceptLanguage } : {} }).then((r) => r.text());
    expect(await unknown("de-DE,de;q=0.9,uz;q=0.8,ru;q=0.5")).toMatch(/<html lang="uz">[\s\S]*Bu kirish havolasining muddati o'tgan yoki u allaqachon ishlatilgan\.[\s\S]*Telegramda botga \/console yuboring/);
    const allThree = await unknown();
    for (const line of ["Bu kirish havolasining muddati", "Эта ссылка для входа устарела или уже использована.", "This login link has expired"]) expect(allThree).toContain(line);
    expect(allThree).not.toContain("<b>");

    const cookie = await signIn(staff);
    const { revision, entry } = (await api(cookie, "GET", "/entries/koica")).body;
    const foreign = await api(cookie, "PUT", "/entries/koica", { entry }, { "if-match": String(revision), origin: "https://evil.example" });
    expect(foreign.status).toBe(403);

    h.app.store.staff.remove(staff.id);
    expect((await api(cookie, "GET", "/entries")).status).toBe(403);
    expect(h.fake.rejected()).toEqual([]);
  });

  it("signs out: the session ends and its cookie is cleared, so the old cookie gets 401; only from the console's own origin", async () => {
    const cookie = await signIn(staffMember());
    const logout = (headers: Record<string, string>) => fetch(`${origin}/console/api/logout`, { method: "POST", headers: { cookie, ...headers } });
    expect((await logout({})).status).toBe(403);
    expect((await logout({ origin: "https://evil.example" })).status).toBe(403);
    expect((await api(cookie, "GET", "/me")).status).toBe(200);

    const out = await logout({ origin });
    expect(out.status).toBe(200);
    const cleared = out.headers.get("set-cookie")!;
    expect(cleared).toMatch(/^jspu_console=; Path=\/console;/);
    expect(cleared).toMatch(/Max-Age=0/);
    expect((await api(cookie, "GET", "/me")).status).toBe(401);
    expect((await api(cookie, "GET", "/entries")).status).toBe(401);
    // Signing out twice (another tab) is no error.
    expect((await logout({ origin })).status).toBe(200);
  });

  it("says so when the file is written but the reload fails: 500, the bot still serves the previous knowledge", async () => {
    const cookie = await signIn(staffMember());
    const student = h.fake.user({ languageCode: "en" });
    const before = (await student.send("erasmus deadline")).text;
    const opened = (await api(cookie, "GET", "/entries/erasmus-mundus")).body as { entry: Erasmus; revision: string };
    const reload = vi.spyOn(Catalog.prototype, "reload").mockImplementation(() => {
      throw new KnowledgeError([{ file: "programs/erasmus-mundus.yaml", message: "injected for the test" }]);
    });
    try {
      const saved = await api(cookie, "PUT", "/entries/erasmus-mundus", { entry: withDeadline(opened.entry, NEW_DATE) }, { "if-match": opened.revision });
      expect(saved.status).toBe(500);
      expect(saved.body.error).toMatch(/written/);
      expect(saved.body.error).toMatch(/still serves the previous knowledge/);
      expect(readFileSync(join(knowledge, "programs/erasmus-mundus.yaml"), "utf8")).toContain(`      - date: ${NEW_DATE}`);
      expect((await student.send("erasmus deadline")).text).toBe(before);

      // A reload that throws something else (a disk error): the same answer, never "nothing more was changed" after a write.
      reload.mockImplementation(() => {
        throw new Error("EIO: injected for the test");
      });
      const now = (await api(cookie, "GET", "/entries/erasmus-mundus")).body as { entry: Erasmus; revision: string };
      const moved = await api(cookie, "PUT", "/entries/erasmus-mundus", { entry: withDeadline(now.entry, "2027-10-01") }, { "if-match": now.revision });
      expect(moved.status).toBe(500);
      expect(moved.body.error).toMatch(/still serves the previous knowledge/);
      expect(moved.body.error).not.toMatch(/nothing more was changed/);
      expect(readFileSync(join(knowledge, "programs/erasmus-mundus.yaml"), "utf8")).toContain("      - date: 2027-10-01");
      // Both publishes are in the history: the files were written.
      expect((await api(cookie, "GET", "/entries/erasmus-mundus/history")).body).toHaveLength(2);
    } finally {
      reload.mockRestore();
    }
  });

  it("takes no write without the console's own Origin, missing or foreign, and changes nothing", async () => {
    const cookie = await signIn(staffMember());
    const { revision, entry } = (await api(cookie, "GET", "/entries/koica")).body;
    const before = readFileSync(join(knowledge, "programs", "koica.yaml"), "utf8");
    const writes: [string, string, unknown, Record<string, string>][] = [
      ["PUT", "/entries/koica", { entry }, { "if-match": String(revision) }],
      ["POST", "/entries", { type: "faq", id: "forged" }, {}],
      ["DELETE", "/entries/koica", undefined, {}],
      ["POST", "/entries/koica/revert", { revision }, {}],
      ["POST", "/entries/koica/preview", { entry }, {}],
      ["POST", "/entries/koica/announce", { dates: [] }, {}],
    ];
    for (const [method, path, body, headers] of writes) {
      for (const origin of [undefined, "null", "https://evil.example", `${bot.origin}.evil.example`]) {
        const response = await fetch(`${bot.origin}/console/api${path}`, {
          method,
          headers: { cookie, ...(origin === undefined ? {} : { origin }), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        expect(response.status, `${method} ${path} from ${origin}`).toBe(403);
      }
    }
    expect(readFileSync(join(knowledge, "programs", "koica.yaml"), "utf8")).toBe(before);
    expect(h.app.store.knowledgeRevisions.history("koica")).toEqual([]);
  });

  it("accepts one of two publishes sent at once from the same revision; the other gets 409", async () => {
    const cookie = await signIn(staffMember());
    const { revision, entry } = (await api(cookie, "GET", "/entries/erasmus-mundus")).body;
    const [first, second] = await Promise.all(
      ["2027-09-15", "2027-10-01"].map((date) => api(cookie, "PUT", "/entries/erasmus-mundus", { entry: withDeadline(entry, date) }, { "if-match": String(revision) })),
    );
    expect([first!.status, second!.status].sort()).toEqual([200, 409]);
    expect(h.app.store.knowledgeRevisions.history("erasmus-mundus")).toHaveLength(1);
  });
});

describe("the console's page", () => {
  beforeEach(() => start());

  it("is served under /console/ with its content types and the same Content-Security-Policy, to anyone (the data needs signing in)", async () => {
    const redirect = await fetch(`${origin}/console`, { redirect: "manual" });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get("location")).toBe("/console/");
    const page = await fetch(`${origin}/console/`);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    // Scripts from the console itself only: the page loads none of Telegram's.
    expect(page.headers.get("content-security-policy")?.split("; ")).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="app.js"></script>');
    expect((await fetch(`${origin}/console/app.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(`${origin}/console/console.css`)).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await fetch(`${origin}/console/../package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/console/nothing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/console/`, { method: "POST" })).status).toBe(405);
  });

  it("answers a request whose address is no URL with 400, and goes on serving (one such request must not stop the bot)", async () => {
    const raw = (target: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(origin).port), "127.0.0.1", () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
        let text = "";
        socket.on("data", (chunk) => (text += chunk.toString()));
        socket.on("end", () => resolve(text.split("\r\n")[0]!));
        socket.on("error", reject);
      });
    expect(await raw("//[/console/api/entries")).toBe("HTTP/1.1 400 Bad Request");
    expect(await raw("//[")).toBe("HTTP/1.1 400 Bad Request");
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    expect((await fetch(`${origin}/console/`)).status).toBe(200);
  });

  it("answers a revision that is no percent-encoding with 404, not a server error", async () => {
    const cookie = await signIn(staffMember());
    const call = await api(cookie, "GET", "/entries/koica/history/%E0%A4%A");
    expect(call.status).toBe(404);
  });

  it("lists entries with what the filters need: to be confirmed, no deadline, a missing translation, problems", async () => {
    const cookie = await signIn(staffMember());
    const list = (await api(cookie, "GET", "/entries")).body as unknown as { id: string }[];
    expect(list.find((e) => e.id === "erasmus-mundus")).toEqual(
      expect.objectContaining({ toConfirm: true, noDeadline: true, missingTranslation: false, problems: 0 }),
    );
    expect(list.find((e) => e.id === "about-department")).toEqual(expect.objectContaining({ noDeadline: false }));
    // A file broken by hand: its problems are counted, and the list still opens.
    const file = join(knowledge, "countries/france.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^  ru: .*$/m, "  ru: ''"));
    const broken = (await api(cookie, "GET", "/entries")).body as unknown as { id: string }[];
    expect(broken.find((e) => e.id === "france")).toEqual(expect.objectContaining({ missingTranslation: true, problems: 1 }));
  });
});

describe("announcing a deadline", () => {
  beforeEach(() => start());

  it("takes only dates the program has published", async () => {
    const cookie = await signIn(staffMember());
    expect((await api(cookie, "POST", "/entries/erasmus-mundus/announce", { dates: ["2027-09-15"] })).status).toBe(422);
    expect((await api(cookie, "POST", "/entries/france/announce", { dates: ["2027-09-15"] })).status).toBe(404);
  });
});

describe("a deadline reminder", () => {
  const knowledgeSource = knowledgeWithDeadlines({ "erasmus-mundus": [daysFromToday(40)] });
  beforeEach(() => start({ REMINDER_DAYS: 7, REMINDER_CHECK_SECONDS: 0.05 }, knowledgeSource));

  it("follows a deadline moved in the console, and reminds of the new date", async () => {
    const student = h.fake.user({ languageCode: "en" });
    await student.send("/start");
    await student.nextMessage();
    const card = await student.send("/start erasmus-mundus");
    const deadlines = await student.press(card, "📅 Deadlines");
    await student.press(deadlines, "⏰ Deadline reminder");
    const cookie = await signIn(staffMember());
    const { entry, revision } = (await api(cookie, "GET", "/entries/erasmus-mundus")).body;
    const soon = daysFromToday(3);
    expect((await api(cookie, "PUT", "/entries/erasmus-mundus", { entry: withDeadline(entry, soon) }, { "if-match": String(revision) })).status).toBe(200);
    const reminder = await eventually(() => student.messages().find((m) => m.buttons.flat().some((b) => b.callbackData?.startsWith("remc:"))));
    expect(reminder.text).toContain("(in 3 days)");
  });
});

describe("the staff's menu button with an http PUBLIC_URL", () => {
  beforeEach(() => start());

  it("is not set: Telegram opens Mini Apps from https addresses only", async () => {
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    await owner.send("/start");
    await eventually(() => h.fake.commands("", { type: "chat", chat_id: OWNER }));
    expect(h.fake.menuButton(OWNER)).toBeUndefined();
    expect(h.fake.calls.filter((c) => c.method === "setChatMenuButton")).toEqual([]);
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

  it("gives owners and staff a Knowledge menu button in their own chat, in their language; a removed staff member gets the default back", async () => {
    const knowledge = (text: string) => ({ type: "web_app", text, web_app: { url: "https://bot.example.org/console/" } });
    const owner = h.fake.user({ id: OWNER, languageCode: "ru" });
    await owner.send("/start");
    expect(await eventually(() => h.fake.menuButton(OWNER))).toEqual(knowledge("📚 База знаний"));

    // A staff member added later, who wrote to the bot in Uzbek before.
    const colleague = h.fake.user({ firstName: "Dilnoza", languageCode: "uz" });
    await colleague.send("/start");
    expect(h.fake.menuButton(colleague.id)).toBeUndefined();
    await owner.press(await owner.send("/staff"), "➕ Добавить сотрудника");
    await owner.shareUser(1, colleague);
    expect(await eventually(() => h.fake.menuButton(colleague.id))).toEqual(knowledge("📚 Bilimlar bazasi"));
    const student = h.fake.user({ languageCode: "en" });
    await student.send("/start");
    expect(h.fake.menuButton(student.id)).toBeUndefined();

    const list = await eventually(() => h.fake.messages(OWNER).find((m) => m.text.includes("Dilnoza") && m.buttons.flat().some((b) => b.text.includes("Dilnoza"))));
    await owner.press(list, list.buttons.flat().find((b) => b.text.includes("Dilnoza"))!.text);
    await eventually(() => h.fake.menuButton(colleague.id) === undefined);
    expect(h.fake.calls.filter((c) => c.method === "setChatMenuButton" && c.params.chat_id === colleague.id).map((c) => c.params.menu_button)).toEqual([knowledge("📚 Bilimlar bazasi"), { type: "default" }]);
    expect(h.fake.menuButton(OWNER)).toEqual(knowledge("📚 База знаний"));
  });
});
