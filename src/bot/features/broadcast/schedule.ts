/** /broadcast, step 4 when scheduled: a Tashkent time, typed; one that cannot be read, is past or too far is answered with why. */
import { formatTashkent, parseTashkentTime } from "../../../time/tashkent.js";
import { keyboardOf } from "../../ui/keyboard.js";
import type { Asking } from "./asking.js";

const TIME_PROBLEM = { format: "bc-time-format", past: "bc-time-past", "too-far": "bc-time-too-far" } as const;

export async function askTime({ conversation, ctx, reader: { t }, cancelButton }: Asking): Promise<number> {
  await ctx.reply(t("bc-ask-time", { example: formatTashkent((await conversation.now()) + 24 * 3600_000).replace(/\d\d:\d\d$/, "09:00") }), {
    reply_markup: keyboardOf([cancelButton]),
  });
  for (;;) {
    const update = await conversation.waitFor("message:text");
    const parsed = parseTashkentTime(update.message.text, await conversation.now());
    if (parsed.ok) return parsed.at;
    await update.reply(t(TIME_PROBLEM[parsed.reason]));
  }
}
