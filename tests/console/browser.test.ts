/**
 * The knowledge console in a real browser (Chromium through playwright-core):
 * the path a staff member walks, from /console in Telegram to what students
 * read, on the real bot and a copy of the knowledge. The browser is found
 * through CHROME_PATH or the usual places; without one, these tests are
 * skipped, with one line saying so.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sign } from "@tma.js/init-data-node";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeUser } from "../../src/dev/fake-telegram/index.js";
import { eventually } from "../bot/harness.js";
import { loginLink, startConsoleBot, staffMember, type ConsoleBot } from "./harness.js";

const BROWSER = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((path) => path && existsSync(path));
if (!BROWSER) console.warn("Browser tests skipped: no Chromium or Chrome found (set CHROME_PATH, or apt-get install chromium).");

const PHONE = { width: 360, height: 740 };

describe.skipIf(!BROWSER)("the knowledge console in a browser", () => {
  let browser: Browser;
  let bot: ConsoleBot;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: BROWSER });
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    bot = await startConsoleBot();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await bot.stop();
  });

  /** A new browser (its own cookies), failing the test on any error the page logs or throws (a CSP refusal among them). */
  async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000); // under the test's own timeout: a step that never happens is named
    page.on("pageerror", (error) => expect.fail(`the page threw: ${error.message}`));
    page.on("console", (message) => {
      // A refused request (401, 409, 422) is logged by Chromium as a failed resource: it is the point of some steps.
      if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) expect.fail(`the page logged an error: ${message.text()}`);
    });
    return page;
  }

  /** A staff member's browser, signed in by the link /console gave them in Telegram. */
  async function signedIn(name = "Aziz", languageCode = "en"): Promise<{ page: Page; user: FakeUser }> {
    const page = await newPage();
    const user = staffMember(bot.h, name, languageCode);
    await page.goto(await loginLink(user));
    await expect.poll(() => page.url()).toBe(`${bot.origin}/console/`);
    await page.getByRole("link", { name: /Erasmus Mundus/ }).waitFor();
    return { page, user };
  }

  const erasmusFile = () => readFileSync(join(bot.knowledge, "programs/erasmus-mundus.yaml"), "utf8");
  const deadlines = (page: Page) => page.locator('fieldset[data-path="program.deadlines.items"]');

  async function addDeadline(page: Page, date: string) {
    await deadlines(page).getByRole("button", { name: "+ Deadline" }).click();
    const item = deadlines(page).locator(".item").last();
    if (date) await item.getByLabel("Date").fill(date);
    await item.getByLabel("Uzbek", { exact: true }).fill("Arizalar qabuli");
    await item.getByLabel("Russian").fill("Приём заявок");
    await item.getByLabel("English").fill("Applications close");
  }

  it("publishes a deadline typed in the form that students read at once; a second browser on the old revision gets the conflict; a bad date is shown at its field; history and revert; the announcement", async () => {
    const { page, user: staff } = await signedIn();
    const original = erasmusFile();
    // A colleague has the same entry open, at the revision before the publish.
    const { page: colleague } = await signedIn("Dilnoza");
    await colleague.getByRole("link", { name: /Erasmus Mundus/ }).click();
    await colleague.getByRole("button", { name: "Publish" }).waitFor();

    await page.getByRole("link", { name: /Erasmus Mundus/ }).click();
    await addDeadline(page, "2027-09-15");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published. Students get it now.").waitFor();
    expect(erasmusFile()).toContain("      - date: 2027-09-15");
    expect(erasmusFile().startsWith("# Erasmus Mundus — program of the European Union.")).toBe(true);

    const student = bot.h.fake.user({ languageCode: "en" });
    expect((await student.send("erasmus deadline")).text).toContain("15 September 2027: Applications close");
    const russian = bot.h.fake.user({ languageCode: "ru" });
    expect((await russian.send("эразмус сроки")).text).toContain("15 сентября 2027 г.: Приём заявок");

    // The announcement: in Telegram, /broadcast's preview for the program's subscribers, with the new date.
    const subscriber = bot.h.fake.user({ languageCode: "en", startedBot: true });
    bot.h.app.store.users.see({ id: subscriber.id, firstName: "Student", languageCode: "en" });
    bot.h.app.store.subscriptions.subscribe(subscriber.id, "program:erasmus-mundus");
    const draftArrives = staff.nextMessage();
    await page.getByRole("button", { name: "📣 Announce to this program's subscribers" }).click();
    await page.getByText("Sent to your chat with the bot in Telegram").waitFor();
    const draft = await draftArrives;
    expect(draft.text).toContain("📅 Erasmus Mundus: a new deadline\n15 September 2027: Applications close");
    expect(draft.text).toContain("15 сентября 2027 г.: Приём заявок");
    await staff.press(draft, "📣 Announce to this program's subscribers");
    const preview = await eventually(() => staff.messages().find((m) => m.text.startsWith("Check before sending")));
    expect(preview.text).toContain("To: subscribers to Erasmus Mundus");
    expect(preview.text).toContain("Recipients: 1");
    await staff.press(preview, "📤 Send now to 1");
    const announced = await eventually(() => subscriber.messages().find((m) => m.text.includes("a new deadline")));
    expect(announced.text).toBe(draft.text);

    // The colleague's edit, based on the old revision, is refused and shows what changed meanwhile.
    await addDeadline(colleague, "2027-10-01");
    await colleague.getByRole("button", { name: "Publish" }).click();
    const conflict = colleague.locator(".conflict");
    await conflict.getByText("Someone published this entry after you opened it.").waitFor();
    await expect.poll(() => conflict.locator(".diff").first().innerText()).toMatch(/Deadlines › 1 › Date\s+Saved now\s*15 September 2027\s+Your edit\s*1 October 2027/);
    expect(erasmusFile()).not.toContain("2027-10-01");
    await conflict.getByRole("button", { name: "Open the saved version (drop my edit)" }).click();
    await expect.poll(() => deadlines(colleague).getByLabel("Date").inputValue()).toBe("2027-09-15");

    // A deadline without a valid date: the problem is shown at that date, and nothing is written.
    const before = erasmusFile();
    await addDeadline(page, "");
    await page.getByRole("button", { name: "Publish" }).click();
    const dateField = page.locator('[data-path="program.deadlines.items.1.date"]');
    await dateField.getByText("Pick a date.").waitFor();
    await page.getByText("Not published: fix the fields marked in red.").waitFor();
    expect(erasmusFile()).toBe(before);

    // The deadline moved, then brought back from the history.
    await deadlines(page).locator(".item").last().getByRole("button", { name: "Remove" }).click();
    await deadlines(page).getByLabel("Date").fill("2027-10-20");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published. Students get it now.").waitFor();
    expect((await student.send("erasmus deadline")).text).toContain("20 October 2027");
    await page.getByRole("tab", { name: "History" }).click();
    const revisions = page.locator(".revision");
    await expect.poll(() => revisions.count()).toBe(2);
    expect(await revisions.first().innerText()).toMatch(/Aziz\s+current/);
    // What each publish changed, in words: the move, then the deadline added.
    await revisions.first().getByRole("button", { name: "What changed" }).click();
    await expect.poll(() => revisions.first().locator(".change").allInnerTexts()).toEqual(["Deadlines › 1 › Date: 15 September 2027 → 20 October 2027"]);
    await revisions.nth(1).getByRole("button", { name: "What changed" }).click();
    await expect.poll(() => revisions.nth(1).locator(".change").allInnerTexts()).toEqual(["Deadlines: added 15 September 2027 — Applications close"]);
    expect(await revisions.nth(1).locator(".change ins").innerText()).toBe("15 September 2027 — Applications close");
    await revisions.nth(1).getByRole("button", { name: "Bring back this version" }).click();
    await page.getByText("Brought back. Students get it now.").waitFor();
    expect((await student.send("erasmus deadline")).text).toContain("15 September 2027");
    await expect.poll(() => revisions.count()).toBe(3);
    await page.getByRole("tab", { name: "Edit" }).click();
    await expect.poll(() => deadlines(page).getByLabel("Date").inputValue()).toBe("2027-09-15");

    // And back to Erasmus Mundus as it was before the console first changed it: an edit not published is asked about first.
    await deadlines(page).getByLabel("Date").fill("2027-11-11");
    await page.getByRole("tab", { name: "History" }).click();
    await revisions.last().getByRole("button", { name: "Bring back the version before this change" }).click();
    await page.getByText("Bringing back this version replaces them.").waitFor();
    await page.getByRole("button", { name: "Stay and keep editing" }).click();
    expect(erasmusFile()).not.toBe(original);
    await revisions.last().getByRole("button", { name: "Bring back the version before this change" }).click();
    await page.getByRole("button", { name: "Bring it back anyway" }).click();
    await page.getByText("Brought back. Students get it now.").waitFor();
    expect(erasmusFile()).toBe(original);
    await page.getByRole("tab", { name: "Edit" }).click();
    await expect.poll(() => deadlines(page).locator(".item").count()).toBe(0);
  });

  it("asks before leaving an edit not published: in the page for its own links, through the browser for closing the tab", async () => {
    const { page } = await signedIn();
    await page.getByRole("link", { name: /Erasmus Mundus/ }).click();
    // Opened and left without a change: nothing to ask.
    await page.getByRole("link", { name: "← Entries" }).click();
    await page.getByRole("searchbox").waitFor();
    await page.getByRole("link", { name: /Erasmus Mundus/ }).click();
    const summary = page.locator('[data-path="summary.en"] textarea');
    await summary.click();
    await summary.fill("Master's programs in Europe, funded by the EU");

    await page.getByRole("link", { name: "← Entries" }).click();
    const question = page.getByRole("dialog", { name: "Your changes are not published." });
    await question.waitFor();
    await question.getByRole("button", { name: "Stay and keep editing" }).click();
    await question.waitFor({ state: "detached" });
    expect(page.url()).toBe(`${bot.origin}/console/#/entry/erasmus-mundus`);
    expect(await summary.inputValue()).toBe("Master's programs in Europe, funded by the EU");

    // Closing the tab (or reloading): the browser's own question.
    const asked = new Promise<string>((resolve) => page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe("beforeunload");
    expect(page.isClosed()).toBe(false);

    await page.getByRole("link", { name: "← Entries" }).click();
    await question.getByRole("button", { name: "Leave without publishing" }).click();
    await page.getByRole("searchbox").waitFor();
    expect(erasmusFile()).not.toContain("funded by the EU");
    // The edit is gone: the entry opens as published, and leaving it asks nothing.
    await page.getByRole("link", { name: /Erasmus Mundus/ }).click();
    await expect.poll(() => summary.inputValue()).not.toContain("funded by the EU");
    await page.getByRole("link", { name: "← Entries" }).click();
    await page.getByRole("searchbox").waitFor();
  });

  it("previews the edit as the bot renders it in each language, escaping what staff typed", async () => {
    const { page } = await signedIn();
    await page.getByRole("link", { name: /Erasmus Mundus/ }).click();
    await addDeadline(page, "2027-09-15");
    await page.locator('[data-path="program.deadlines.items.0.note.en"] input').fill("Apply <b>now</b> & <script>alert(1)</script>");
    await page.getByRole("tab", { name: "Preview" }).click();
    const deadlinesScreen = page.locator(".screen", { hasText: "Deadlines" }).first();
    await deadlinesScreen.waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator(".screen").first().locator(".bubble b").first().innerText()).toBe("Erasmus Mundus");
    const english = page.locator(".screen", { has: page.getByRole("heading", { name: "Deadlines" }) });
    await expect.poll(() => english.locator(".bubble").innerText()).toContain("15 September 2027: Apply <b>now</b> & <script>alert(1)</script>");
    expect(await page.locator(".bubble script, .bubble img").count()).toBe(0);
    await page.getByRole("button", { name: "Uzbek (Cyrillic)" }).click();
    await expect.poll(() => page.locator(".screen", { has: page.getByRole("heading", { name: "Deadlines" }) }).locator(".bubble").innerText()).toContain("15-сентябрь, 2027");
    // Nothing was published by previewing.
    expect(erasmusFile()).not.toContain("2027-09-15");
  });

  it("creates an entry from a template that search finds at once, and archives only what nothing links to", async () => {
    const { page } = await signedIn();
    await page.getByRole("link", { name: "+ New entry" }).click();
    await page.getByLabel("Type").selectOption("topic");
    await page.getByLabel("Id (file name)").fill("koica");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("An entry with this id already exists: choose another id.").waitFor();
    await page.getByLabel("Id (file name)").fill("summer-school");
    await page.getByRole("button", { name: "Create" }).click();
    // The template's texts are left to write: publishing it untouched is refused at each of them, in plain words.
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Not published: fix the fields marked in red.").waitFor();
    expect(await page.locator('[data-path="title.en"] .problem').innerText()).toBe("Write this text: it cannot be left empty.");
    expect(existsSync(join(bot.knowledge, "topics/summer-school.yaml"))).toBe(false);
    const title = page.locator('[data-path="title"]');
    await title.getByLabel("Uzbek", { exact: true }).fill("Yozgi maktab");
    await title.getByLabel("Russian").fill("Летняя школа");
    await title.getByLabel("English").fill("Summer school");
    const summary = page.locator('[data-path="summary"]');
    await summary.getByLabel("Uzbek", { exact: true }).fill("Yozgi maktab haqida");
    await summary.getByLabel("Russian").fill("О летней школе");
    await summary.getByLabel("English").fill("About the summer school");
    const text = page.locator('[data-path="body"]');
    await text.getByLabel("Uzbek", { exact: true }).fill("Yozgi maktab iyulda bo'ladi.");
    await text.getByLabel("Russian").fill("Летняя школа проходит в июле.");
    await text.getByLabel("English").fill("The summer school is in July.");
    await page.locator('[data-path="aliases.en"] textarea').fill("summer school\nsummer camp");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published. Students get it now.").waitFor();
    expect(page.url()).toBe(`${bot.origin}/console/#/entry/summer-school`);

    await page.getByRole("link", { name: "← Entries" }).click();
    await page.getByRole("searchbox").fill("summer");
    await expect.poll(() => page.locator(".entry").allInnerTexts()).toEqual([expect.stringMatching(/^Summer school\s+summer-school/)]);
    expect((await bot.h.fake.user({ languageCode: "en" }).send("summer camp")).text).toMatch(/^Summer school/);

    // South Korea is linked from KOICA: refused, with the names.
    await page.getByRole("searchbox").fill("korea");
    await page.getByRole("link", { name: /South Korea/ }).click();
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("button", { name: "Yes, archive" }).click();
    await page.getByText("Other entries link to this one.").waitFor();
    expect(await page.locator(".archive li").allInnerTexts()).toContainEqual(expect.stringMatching(/^KOICA.*\(koica\)$/));

    await page.goto(`${bot.origin}/console/#/entry/summer-school`);
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("button", { name: "Yes, archive" }).click();
    await page.getByText("Archived.").waitFor();
    await page.getByRole("searchbox").fill("summer");
    await page.getByText("Nothing found.").waitFor();
  });

  it("opens the editor of every entry, its fields filled from the file", async () => {
    const { page } = await signedIn();
    const ids = await page.locator(".entry .entry-id").allInnerTexts();
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) {
      await page.goto(`${bot.origin}/console/#/entry/${id}`);
      await expect.poll(() => page.locator(".entry-id").first().innerText()).toBe(id);
      expect(await page.locator('[data-path="title.ru"] input').inputValue(), id).not.toBe("");
    }
    // A contact's phones, a program's eligibility and documents are there to edit.
    await page.goto(`${bot.origin}/console/#/entry/international-department`);
    await expect.poll(() => page.locator('[data-path="contact.phones.0.number"] input').inputValue()).toMatch(/^\+998/);
    await page.goto(`${bot.origin}/console/#/entry/erasmus-mundus`);
    await expect.poll(() => page.locator('[data-path="program.eligibility.languages.0.min"] input').inputValue()).toBe("5.5");
    expect(await page.getByRole("checkbox", { name: "Master's students" }).isChecked()).toBe(true);
    expect(await page.locator('[data-path="program.documents.items.0.text.en"] input').inputValue()).toBe("International passport");
    // Every field named in words, none by its name in the file (to_confirm, year_of_study) or as code.
    const labels = await page.locator("main label, main legend").allInnerTexts();
    expect(labels.filter((label) => /field-|_|=>|^\w+-\w+$/.test(label))).toEqual([]);
    expect(await page.locator('[data-path="program.eligibility.roles"] legend').innerText()).toBe("Who");
    expect(await page.locator('[data-path="program.eligibility.languages.0.exam"] option:checked').innerText()).toBe("IELTS (score 0–9)");
    expect(await page.locator('[data-path="program.eligibility.min_gpa.scale"] option:checked').innerText()).toBe("out of 5");
    // A date in words beside the browser's picker, which writes it in its own order.
    await page.locator('[data-path="program.deadlines.items"] button.add').click();
    await page.locator('[data-path="program.deadlines.items.0.date"] input').fill("2027-03-01");
    expect(await page.locator('[data-path="program.deadlines.items.0.date"] .date-words').innerText()).toBe("1 March 2027");
  });

  it("filters the list: to be confirmed, no deadline, missing translation, problems", async () => {
    const { page } = await signedIn();
    await page.getByRole("button", { name: "No deadline" }).click();
    const shown = () => page.locator(".entry .entry-id").allInnerTexts();
    await expect.poll(shown).toContain("erasmus-mundus");
    expect(await shown()).not.toContain("south-korea");
    await page.getByRole("button", { name: "Problems" }).click();
    await page.getByText("Nothing found.").waitFor();
  });

  it("opens inside Telegram as a Mini App with init data signed by the bot's token, in Telegram's colours and the staff member's language, on a 360 px phone without sideways scrolling", async () => {
    const staff = staffMember(bot.h, "Нодира", "ru");
    await staff.send("/start");
    const initData = sign({ user: { id: staff.id, first_name: "Нодира" } }, bot.h.fake.token, new Date());
    const theme = JSON.stringify({ bg_color: "#17212b", text_color: "#f5f5f5", button_color: "#5288c1", button_text_color: "#ffffff", secondary_bg_color: "#232e3c", hint_color: "#708499" });
    const page = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    // Telegram's Android app, as the page sees it: events posted through its proxy.
    await page.addInitScript("window.TelegramWebviewProxy = { postEvent: (type, data) => (window.telegramEvents ??= []).push(type + ' ' + data) }");
    const telegramEvents = () => page.evaluate<string[]>("window.telegramEvents ?? []");
    await page.goto(`${bot.origin}/console/#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=android&tgWebAppThemeParams=${encodeURIComponent(theme)}`);
    await page.getByRole("link", { name: /Erasmus Mundus/ }).waitFor();
    expect(await page.locator("header .who").innerText()).toBe("Нодира");
    // No Sign out inside Telegram: the Mini App's init data signs each request, there is no session to end.
    expect(await page.locator("header button").count()).toBe(0);
    expect(await page.evaluate("getComputedStyle(document.body).backgroundColor")).toBe("rgb(23, 33, 43)");
    // The init data is not left in the address.
    expect(page.url()).toBe(`${bot.origin}/console/#/`);

    // In the page (the tests' TypeScript knows no DOM): the page's width, and what can be tapped but is under 44 px high.
    const noSidewaysScroll = () => page.evaluate<number>("document.documentElement.scrollWidth");
    const smallTapTargets = () =>
      page.evaluate<string[]>(`[...document.querySelectorAll("button, a, input:not([type=checkbox]), select, textarea")]
        .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().height < 44)
        .map((el) => el.outerHTML.slice(0, 80))`);
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(PHONE.width);
    expect(await smallTapTargets()).toEqual([]);

    await page.getByRole("link", { name: /Erasmus Mundus/ }).click();
    await page.getByRole("button", { name: "Опубликовать" }).waitFor();
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(PHONE.width);
    expect(await smallTapTargets()).toEqual([]);
    expect(await telegramEvents()).toEqual(["web_app_ready ", "web_app_expand "]);
    // An edit not published: closing the Mini App asks first (Telegram's closing confirmation), until it is published.
    await page.locator('[data-path="title.en"] input').fill("Erasmus Mundus (EU)");
    await expect.poll(telegramEvents).toContain('web_app_setup_closing_behavior {"need_confirmation":true}');
    await page.getByRole("button", { name: "Опубликовать" }).click();
    await page.getByText("Опубликовано. Студенты уже видят это.").waitFor();
    expect((await telegramEvents()).at(-1)).toBe('web_app_setup_closing_behavior {"need_confirmation":false}');
    await page.getByRole("tab", { name: "Просмотр" }).click();
    await page.locator(".screen .bubble").first().waitFor();
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole("tab", { name: "История" }).click();
    await page.getByRole("button", { name: "Что изменилось" }).click();
    await expect.poll(() => page.locator(".change").allInnerTexts()).toEqual(["Название › Английский: Erasmus Mundus → Erasmus Mundus (EU)"]);
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(PHONE.width);
  });

  it("signs out from the header: the browser forgets the session and its old cookie gets 401", async () => {
    const { page } = await signedIn();
    const [session] = await page.context().cookies();
    expect(session?.name).toBe("jspu_console");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out. To come back, send /console to the bot in Telegram").waitFor();
    expect(await page.context().cookies()).toEqual([]);
    const old = await fetch(`${bot.origin}/console/api/me`, { headers: { cookie: `${session!.name}=${session!.value}` } });
    expect(old.status).toBe(401);
    await page.reload();
    await page.getByText("You are not signed in. Send /console to the bot in Telegram").waitFor();
  });

  it("refuses a student, a removed staff member, an expired and a reused link", async () => {
    const student = bot.h.fake.user({ languageCode: "en" });
    const asStudent = await newPage();
    await asStudent.goto(`${bot.origin}/console/#tgWebAppData=${encodeURIComponent(sign({ user: { id: student.id, first_name: "S" } }, bot.h.fake.token, new Date()))}`);
    await asStudent.getByText("The knowledge console is for the department's staff only.").waitFor();

    const nobody = await newPage();
    await nobody.goto(`${bot.origin}/console/`);
    await nobody.getByText("You are not signed in. Send /console to the bot in Telegram").waitFor();

    const staff = staffMember(bot.h, "Aziz");
    const link = await loginLink(staff);
    const first = await newPage();
    await first.goto(link);
    await first.getByRole("link", { name: /Erasmus Mundus/ }).waitFor();
    const second = await newPage();
    await second.goto(link);
    // A page to read, not the API's JSON.
    await second.getByText("This login link has expired or was already used.").waitFor();
    expect(await second.locator("body").innerText()).toBe("This login link has expired or was already used.\n\nSend /console to the bot in Telegram for a new link.");

    // In the staff member's language, whatever the browser's; a link nobody knows, in the browser's.
    const nodira = staffMember(bot.h, "Нодира", "ru");
    await nodira.send("/start");
    bot.h.app.store.consoleAccess.addLogin("expired-token", { userId: nodira.id, name: "Нодира" }, Date.now() - 1);
    await second.goto(`${bot.origin}/console/login?token=expired-token`);
    await second.getByText("Эта ссылка для входа устарела или уже использована.").waitFor();
    expect(await second.locator("body").innerText()).toContain("Чтобы получить новую, отправьте боту в Telegram /console.");
    const uzbek = await newPage({ locale: "uz-UZ" });
    await uzbek.goto(`${bot.origin}/console/login?token=unknown`);
    await uzbek.getByText("Bu kirish havolasining muddati o'tgan yoki u allaqachon ishlatilgan.").waitFor();

    bot.h.app.store.staff.remove(staff.id);
    await first.reload();
    await first.getByText("The knowledge console is for the department's staff only.").waitFor();
  });
});
