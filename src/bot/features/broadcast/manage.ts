/**
 * /broadcasts (staff): past and running broadcasts with their figures, and
 * the buttons on a broadcast's card: pause, resume, cancel (after a
 * confirmation), and resend a finished one to its failed recipients only.
 * The engine notices a change within a moment; wakeJobs() makes it at once.
 */
import { Composer, InlineKeyboard } from "grammy";
import { formatTashkentMoment } from "../../../time/dates.js";
import type { Broadcast } from "../../../storage/broadcasts.js";
import type { BotContext } from "../../context.js";
import type { BotDeps } from "../../deps.js";
import { audienceLabel, broadcastView, cardFigures } from "../../jobs/delivery/view.js";
import { callback } from "../../ui/callback-data.js";
import { escapeHtml } from "../../ui/html.js";
import { keyboardOf, rowsOf } from "../../ui/keyboard.js";
import { staleButton } from "../../ui/stale-button.js";
import { reply, show, type View } from "../../ui/view.js";

const LISTED = 10;
const STATUS_KEY: Record<Broadcast["status"], string> = {
  scheduled: "bc-state-scheduled",
  running: "bc-state-running",
  paused: "bc-state-paused",
  cancelled: "bc-state-cancelled",
  done: "bc-state-done",
};

export function broadcastsFeature({ store, wakeJobs, progressBoard }: Pick<BotDeps, "store" | "wakeJobs" | "progressBoard">) {
  const feature = new Composer<BotContext>();
  const card = (ctx: BotContext, broadcast: Broadcast): View =>
    broadcastView(ctx, broadcast, cardFigures(store.broadcasts, broadcast));

  feature.chatType("private").command("broadcasts", (ctx) => reply(ctx, listView(ctx)));

  function listView(ctx: BotContext): View {
    const recent = store.broadcasts.recent(LISTED);
    if (recent.length === 0) return { html: escapeHtml(ctx.t("bc-list-empty")) };
    const lines = recent.map((b) => {
      const f = store.broadcasts.figures(b.id);
      const when = formatTashkentMoment(b.scheduledAt ?? b.createdAt, ctx.uiLang);
      return escapeHtml(
        ctx.t("bc-list-line", { id: b.id, when, status: ctx.t(STATUS_KEY[b.status]), audience: audienceLabel(ctx, b.audience), sent: f.sent, total: f.total, blocked: f.blocked, failed: f.failed }),
      );
    });
    const buttons = recent.map((b) => InlineKeyboard.text(`#${b.id}`, callback.broadcast("open", b.id)));
    return { html: [escapeHtml(ctx.t("bc-list-title")), ...lines].join("\n\n"), keyboard: keyboardOf(...rowsOf(buttons, 5)) };
  }

  feature.callbackQuery(callback.broadcast.pattern, async (ctx) => {
    const { action, id } = callback.broadcast.read(ctx.match);
    const broadcast = store.broadcasts.get(id);
    if (!broadcast) return staleButton(ctx);
    let notice: string | undefined;
    switch (action) {
      case "pause":
        notice = ctx.t(store.broadcasts.transition(id, "running", "paused") ? "bc-paused" : "bc-not-running");
        break;
      case "resume":
        notice = ctx.t(store.broadcasts.transition(id, "paused", "running") ? "bc-resumed" : "bc-not-paused");
        break;
      case "cancel": {
        const pending = store.broadcasts.figures(id).pending;
        const confirm = keyboardOf([
          InlineKeyboard.text(ctx.t("bc-button-confirm-cancel"), callback.broadcast("cancel!", id)),
          InlineKeyboard.text(ctx.t("bc-button-keep"), callback.broadcast("open", id)),
        ]);
        // A new message: the live progress message is re-edited every few seconds and would swallow the question.
        return reply(ctx, { html: escapeHtml(ctx.t("bc-confirm-cancel", { id, pending })), keyboard: confirm });
      }
      case "cancel!":
        notice = ctx.t(store.broadcasts.cancel(id) ? "bc-cancelled-broadcast" : "bc-already-over");
        break;
      case "resend":
        return resend(ctx, broadcast);
    }
    wakeJobs();
    if (notice) await ctx.answerCallbackQuery({ text: notice });
    const view = card(ctx, store.broadcasts.get(id)!);
    // On the progress message itself, the engine's reporter may have shown just this already.
    const onProgress = ctx.callbackQuery.message?.message_id === broadcast.progress.messageId && ctx.chat?.id === broadcast.progress.chatId;
    await (onProgress ? progressBoard.show(id, view, () => show(ctx, view)) : show(ctx, view));
  });

  /** A new broadcast to the failed recipients only, with its own progress message. */
  async function resend(ctx: BotContext, of: Broadcast): Promise<void> {
    if (of.status !== "done" && of.status !== "cancelled") return void (await ctx.answerCallbackQuery({ text: ctx.t("bc-resend-not-over") }));
    const progress = await ctx.reply(ctx.t("bc-preparing"));
    const id = store.broadcasts.createResend(of, ctx.from!.id, ctx.uiLang, { chatId: progress.chat.id, messageId: progress.message_id });
    if (id === undefined) {
      await ctx.api.editMessageText(progress.chat.id, progress.message_id, ctx.t("bc-resend-nobody", { id: of.id }));
      return;
    }
    wakeJobs();
    await ctx.answerCallbackQuery({ text: ctx.t("bc-resend-started", { id }) });
  }

  return feature;
}
