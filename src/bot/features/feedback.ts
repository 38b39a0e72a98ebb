/**
 * "Was this helpful?" under a search answer (ui/feedback.ts). 👍 thanks the
 * student; 👎 logs the question for staff (/unanswered), as if search had
 * not been sure, and offers to ask the department. Either way the student's
 * word is kept (/stats shows the share per week) and the two buttons leave
 * the message, its other buttons staying. Only the asker's answer counts,
 * and only their first word; an old or someone else's button gets a polite
 * note.
 */
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { callback } from "../ui/callback-data.js";
import { withoutFeedback } from "../ui/feedback.js";
import { keyboardOf } from "../ui/keyboard.js";
import { askThisButton } from "../ui/questions.js";
import { reply, type View } from "../ui/view.js";

export function feedbackFeature({ store }: Pick<BotDeps, "store">) {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(callback.feedback.pattern, async (ctx) => {
    const { answer, vote } = callback.feedback.read(ctx.match);
    const helpful = vote === "y";
    const marked = store.answers.markHelpful(answer, ctx.from.id, helpful);
    if (!marked) return ctx.answerCallbackQuery({ text: ctx.t("feedback-unknown") });
    if (!marked.changed) {
      await ctx.answerCallbackQuery({ text: ctx.t("feedback-already") });
      return removeFeedbackRow(ctx);
    }
    if (helpful) {
      await ctx.answerCallbackQuery({ text: ctx.t("feedback-thanks") });
      return removeFeedbackRow(ctx);
    }
    // Like a question search was not sure of: staff see it in /unanswered, and the student can send it on. Only a statistic.
    // An answer that left the question open logged it already: that row, not a second one.
    const logId =
      marked.unansweredId ??
      (marked.queryCut ? undefined : store.bestEffort.run("unanswered query", () => store.learning.logUnconfident(ctx.from.id, marked.query, marked.lang)));
    await ctx.answerCallbackQuery();
    await removeFeedbackRow(ctx);
    await reply(ctx, sorryView(ctx, logId));
  });

  return feature;
}

/** "Sorry", and asking the department this very question (when it takes questions here), or its contacts. */
function sorryView(ctx: BotContext, logId: number | undefined): View {
  const button = askThisButton(ctx, logId) ?? InlineKeyboard.text(ctx.t("card-contacts-button"), callback.entry(DEPARTMENT_CONTACT));
  return { html: ctx.t("feedback-sorry"), keyboard: keyboardOf([button]) };
}

/** Takes 👍 / 👎 off the pressed message, keeping its other buttons; a message that cannot be edited any more keeps them (a press says it was counted). */
async function removeFeedbackRow(ctx: BotContext): Promise<void> {
  const message = ctx.callbackQuery?.message;
  const rows = message && "reply_markup" in message ? message.reply_markup?.inline_keyboard : undefined;
  if (!rows) return;
  const kept = withoutFeedback(rows);
  if (kept.length === rows.length && kept.every((row, i) => row.length === rows[i]!.length)) return;
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: kept } });
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400 && /message is not modified|message to edit not found|message can't be edited/.test(error.description)) return;
    throw error;
  }
}
