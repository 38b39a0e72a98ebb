/**
 * A button press older than 15 minutes (the bot was down meanwhile) cannot be
 * answered: Telegram says "query is too old". The bot still does what was
 * pressed, and the refusal is no error to the user.
 */
import { afterEach, expect, it } from "vitest";
import { startBot, type Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

it("still shows what an expired press asked for, and the next press is answered as usual", async () => {
  h = await startBot();
  const user = h.fake.user({ languageCode: "en" });
  const menu = await user.send("/start");
  await user.nextMessage(); // the once-only question about announcements
  const list = await user.press(menu, "🎓 Programs", { ageMs: 16 * 60 * 1000 });
  expect(list.messageId).toBe(menu.messageId);
  expect(list.buttons.flat().map((b) => b.text)).toContain("Erasmus Mundus");
  const refused = await h.fake.waitForCall("answerCallbackQuery");
  expect(refused.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
  expect(h.fake.rejected()).toEqual([refused]);

  const card = await user.press(list, "Erasmus Mundus");
  expect(card.text).toContain("Erasmus");
  const answered = await h.fake.waitForCall("answerCallbackQuery", { where: (c) => c.ok });
  expect(answered.ok).toBe(true);
});
