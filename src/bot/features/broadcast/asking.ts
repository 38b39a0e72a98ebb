/**
 * What every step of /broadcast works with: the conversation, the context it
 * replies with, the staff member's language and the flow's Cancel button; and
 * the flow's own buttons, which its leave guard lets through.
 */
import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard, type Context } from "grammy";
import type { BotContext } from "../../context.js";
import type { Reader } from "../../locale.js";
import { callback } from "../../ui/callback-data.js";

export const CANCEL = callback.broadcastStep("cancel");
/** The value of a press of this flow's buttons, if it is one. */
export const stepValue = (data: string | undefined) => callback.broadcastStep.parse(data)?.value;

export type Flow = Conversation<BotContext, Context>;

export interface Asking {
  conversation: Flow;
  ctx: Context;
  reader: Reader;
  cancelButton: ReturnType<typeof InlineKeyboard.text>;
}

export const asking = (conversation: Flow, ctx: Context, reader: Reader): Asking => ({
  conversation,
  ctx,
  reader,
  cancelButton: InlineKeyboard.text(reader.t("bc-button-cancel"), CANCEL),
});

/** The audience chosen, as it is named on screens and how many it reaches now. */
export interface Who {
  label: string;
  count: number;
}

/** The next press of this flow's buttons; typed text gets `hint` (buttons are the answer here). */
export async function press({ conversation }: Asking, hint: string): Promise<string> {
  const pressed = await conversation.waitForCallbackQuery(callback.broadcastStep.pattern, { otherwise: (update) => update.message && update.reply(hint) });
  return callback.broadcastStep.read(pressed.match).value;
}
