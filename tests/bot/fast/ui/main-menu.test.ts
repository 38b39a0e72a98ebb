/** ui/main-menu.ts: the menu every screen leads back to, and the help over it. */
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../../src/bot/locale.js";
import { helpView, mainMenu } from "../../../../src/bot/ui/main-menu.js";
import type { BotContext } from "../../../../src/bot/context.js";
import { createI18n } from "../../../../src/i18n.js";

const i18n = createI18n();
const en = { t: translatorFor(i18n, "en") };
const rows = (keyboard: { inline_keyboard: { text: string; callback_data?: string }[][] } | undefined) =>
  keyboard?.inline_keyboard.map((row) => row.map((b) => `${b.text} → ${b.callback_data}`));

const MENU = [
  ["🎓 Programs → programs", "🌍 Partner countries → countries"],
  ["✅ Am I eligible? → eligibility", "📝 How to apply → apply"],
  ["🔔 Announcements → subs:0"],
  ["📞 Contacts → e:international-department", "🌐 Language → langs"],
];

describe("mainMenu", () => {
  it("offers the programs, countries, eligibility, applying, announcements, contacts and language", () => {
    const menu = mainMenu(en);
    expect(menu.html).toBe("What would you like to know?");
    expect(rows(menu.keyboard)).toEqual(MENU);
  });

  it("offers asking the department where questions are taken (a private chat, a staff chat configured)", () => {
    expect(rows(mainMenu({ ...en, questionsOffered: true }).keyboard)).toEqual([...MENU.slice(0, 3), ["✉️ Ask the department → q:new"], MENU[3]]);
    expect(rows(mainMenu({ ...en, questionsOffered: false }).keyboard)).toEqual(MENU);
  });

  it("is in the reader's language", () => {
    const ru = { t: translatorFor(i18n, "ru") };
    expect(mainMenu(ru).html).toBe(ru.t("menu-title"));
    expect(mainMenu(ru).html).not.toBe(mainMenu(en).html);
  });
});

describe("helpView", () => {
  it("is the help text over the menu's buttons", () => {
    const help = helpView(en as BotContext);
    expect(help.html).toMatch(/^Write your question in any words/);
    expect(rows(help.keyboard)).toEqual(MENU);
  });
});
