/**
 * middleware/roles.ts: staff commands and buttons are refused to students,
 * owner commands to everyone but the owners (ADMIN_IDS), before any feature.
 */
import { describe, expect, it } from "vitest";
import { guardStaffTools, OWNER_COMMANDS, STAFF_COMMANDS } from "../../../../src/bot/middleware/roles.js";
import { callback } from "../../../../src/bot/ui/callback-data.js";
import { command, composerHarness, press, privateText, user } from "../composer-harness.js";

const OWNER = 1;
const STAFF = 2;
const STUDENT = 3;
const STAFF_ONLY = "This is for the department's staff only.";
const OWNERS_ONLY = "Only the bot's owners (ADMIN_IDS) can do this.";

/** The guard, then a handler saying who got through. */
function guarded() {
  const h = composerHarness({
    settings: { owners: [OWNER] },
    use: (deps) => [guardStaffTools(deps.settings, deps.store), (ctx) => ctx.reply(`reached as ${ctx.role}`)],
  });
  h.store.staff.add(STAFF, "Malika", OWNER);
  return h;
}
const reply = (chatId: number, text: string) => [{ method: "sendMessage", payload: { chat_id: chatId, text } }];

describe("guardStaffTools", () => {
  it.each(STAFF_COMMANDS)("refuses /%s to a student, in so many words, before any feature", async (name) => {
    const h = guarded();
    expect(await h.send(command(name, { from: user(STUDENT) }))).toEqual(reply(STUDENT, STAFF_ONLY));
    expect(await h.send(command(name, { from: user(STUDENT), to: "jspu_test_bot", args: "now" }))).toEqual(reply(STUDENT, STAFF_ONLY));
  });

  it.each(STAFF_COMMANDS)("lets staff and owners use /%s", async (name) => {
    const h = guarded();
    expect(await h.send(command(name, { from: user(STAFF) }))).toEqual(reply(STAFF, "reached as staff"));
    expect(await h.send(command(name, { from: user(OWNER) }))).toEqual(reply(OWNER, "reached as owner"));
  });

  it.each(OWNER_COMMANDS)("keeps /%s for the owners: refused to staff and students", async (name) => {
    const h = guarded();
    expect(await h.send(command(name, { from: user(STAFF) }))).toEqual(reply(STAFF, OWNERS_ONLY));
    expect(await h.send(command(name, { from: user(STUDENT) }))).toEqual(reply(STUDENT, OWNERS_ONLY));
    expect(await h.send(command(name, { from: user(OWNER) }))).toEqual(reply(OWNER, "reached as owner"));
  });

  it("refuses a staff button to a student (pressed or forged) with an alert; staff press it", async () => {
    const h = guarded();
    const forged = press(callback.staff("bc:send:1"), { from: user(STUDENT) });
    expect(await h.send(forged)).toEqual([
      { method: "answerCallbackQuery", payload: { callback_query_id: forged.callback_query!.id, text: STAFF_ONLY, show_alert: true } },
    ]);
    expect(await h.send(press(callback.staff("bc:send:1"), { from: user(STAFF) }))).toEqual(reply(STAFF, "reached as staff"));
  });

  it("lets a student's everyday updates through, with their role", async () => {
    const h = guarded();
    expect(await h.send(privateText("stats about erasmus", { from: user(STUDENT) }))).toEqual(reply(STUDENT, "reached as student"));
    expect(await h.send(command("start", { from: user(STUDENT) }))).toEqual(reply(STUDENT, "reached as student"));
    expect(await h.send(press(callback.menu(), { from: user(STUDENT) }))).toEqual(reply(STUDENT, "reached as student"));
  });

  it("refuses in the reader's language", async () => {
    const h = guarded();
    const [call] = await h.send(command("stats", { from: user(STUDENT, { language_code: "uz" }) }));
    expect(call?.payload.text).toBe(h.deps.i18n.t("uz", "staff-only"));
    expect(call?.payload.text).not.toBe(STAFF_ONLY);
  });

  it("forgets a staff member who was removed", async () => {
    const h = guarded();
    h.store.staff.remove(STAFF);
    expect(await h.send(command("stats", { from: user(STAFF) }))).toEqual(reply(STAFF, STAFF_ONLY));
  });
});
