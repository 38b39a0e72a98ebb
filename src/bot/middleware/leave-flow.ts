/**
 * Leaving a guided conversation, the same way in every flow: /cancel or the
 * flow's Cancel button ends it (and the flow says so); any other command, or a
 * button that is not the flow's own, ends it too and is then handled as usual
 * (a menu button, /start, /language...). Installed just before the flow's
 * createConversation, so the flow only ever sees its own answers.
 */
import type { Middleware } from "grammy";
import type { BotContext } from "../context.js";

export interface LeaveFlow {
  /** The Cancel button's data. */
  cancel: string;
  /** The flow's own buttons (they stay in the flow); without it, every button leaves. */
  ownButton?: (data: string) => boolean;
  /** The reply to /cancel or Cancel, once the flow has ended. */
  cancelled: (ctx: BotContext) => Promise<unknown>;
}

export function leaveFlow(flow: string, { cancel, ownButton = () => false, cancelled }: LeaveFlow): Middleware<BotContext> {
  return async (ctx, next) => {
    if (ctx.chatId === undefined || ctx.conversation.active(flow) === 0) return next();
    const cancelling = ctx.hasCommand("cancel") || ctx.callbackQuery?.data === cancel;
    const command = ctx.message?.text?.startsWith("/") ?? false;
    const data = ctx.callbackQuery?.data;
    const elsewhere = data !== undefined && !ownButton(data);
    if (!cancelling && !command && !elsewhere) return next();
    await ctx.conversation.exit(flow);
    if (cancelling) return void (await cancelled(ctx));
    return next();
  };
}
