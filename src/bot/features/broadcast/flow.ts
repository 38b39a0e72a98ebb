/**
 * /broadcast (staff): a guided conversation that asks for the audience, then
 * the announcement itself (any message: formatted text, photo, video,
 * document, an album), shows the exact number of recipients, and sends it
 * now or at a scheduled Tashkent time. Each step is a file of this folder
 * (audience, message, confirm, schedule); this one runs them in turn and
 * records the broadcast. A draft prepared by the bot (a program's new
 * deadlines, from the knowledge console: ui/deadline-announcement.ts) starts at the
 * preview, its audience and message given. Delivery is the engine's job (src/broadcast/engine.ts);
 * this only records the broadcast and wakes it.
 *
 * Replayed on every update like every flow: the database is touched only in
 * conversation.external, so a replay never creates a broadcast twice.
 */
import { createConversation } from "@grammyjs/conversations";
import { Composer, type Context, type NextFunction } from "grammy";
import type { Message } from "grammy/types";
import { programTopic } from "../../../broadcast/audience.js";
import type { Audience } from "../../../storage/subscriptions.js";
import type { UiLang } from "../../../storage/users.js";
import { audienceLabel, broadcastView, cardFigures } from "../../jobs/delivery/view.js";
import type { BotContext } from "../../context.js";
import type { BotDeps } from "../../deps.js";
import { readers } from "../../locale.js";
import { callback } from "../../ui/callback-data.js";
import { leaveFlow } from "../../middleware/leave-flow.js";
import { isStaffRole } from "../../middleware/roles.js";
import { asking, CANCEL, stepValue, type Flow } from "./asking.js";
import { chooseAudience } from "./audience.js";
import { confirmSending } from "./confirm.js";
import { askMessage } from "./message.js";
import { askTime } from "./schedule.js";

export const BROADCAST = "broadcast";

/** An announcement the bot wrote for staff to check and send: to whom, and the message to copy. */
interface PreparedDraft {
  audience: Audience;
  message: Message;
}

/**
 * Run for everyone, staff or not: a /broadcast left midway by someone who is
 * no longer staff (removed from staff, or from ADMIN_IDS) ends at their next
 * update, so it never resumes as their draft once they are staff again.
 */
export async function endBroadcastUnlessStaff(ctx: BotContext, next: NextFunction): Promise<void> {
  if (!isStaffRole(ctx.role) && ctx.chatId !== undefined && ctx.conversation.active(BROADCAST) > 0) await ctx.conversation.exit(BROADCAST);
  return next();
}

export function broadcastFeature({ store, catalog, i18n, wakeJobs }: Pick<BotDeps, "store" | "catalog" | "wakeJobs" | "i18n">) {
  const feature = new Composer<BotContext>();
  const readerFor = readers({ i18n, catalog });

  async function broadcastFlow(conversation: Flow, ctx: Context, ui: UiLang, prepared?: PreparedDraft): Promise<void> {
    const reader = readerFor(ui);
    const ask = asking(conversation, ctx, reader);
    const audience = prepared?.audience ?? (await chooseAudience(ask, { store, catalog }));
    const who = await conversation.external(() => ({ label: audienceLabel(reader, audience), count: store.subscriptions.countAudience(audience) }));
    if (who.count === 0) return void (await ctx.reply(reader.t("bc-nobody", { audience: who.label })));
    const first = prepared?.message ?? (await askMessage(ask, who));
    const { messageIds, when } = await confirmSending(ask, who, first);
    const scheduledAt = when === "schedule" ? await askTime(ask) : null;

    // The progress message exists before the broadcast does, so the engine only ever edits it.
    const progress = await ctx.reply(reader.t("bc-preparing"));
    const created = await conversation.external(() => {
      const id = store.broadcasts.create({
        createdBy: ctx.from!.id,
        audience,
        sourceChatId: first.chat.id,
        messageIds: [...messageIds].sort((a, b) => a - b),
        scheduledAt,
        lang: ui,
        progress: { chatId: progress.chat.id, messageId: progress.message_id },
      });
      wakeJobs();
      const broadcast = store.broadcasts.get(id)!;
      return { broadcast, view: broadcastView(reader, broadcast, cardFigures(store.broadcasts, broadcast)) };
    });
    // Sent now, the engine shows its progress in a moment; scheduled, the message says when.
    if (created.broadcast.status === "scheduled") {
      await ctx.api.editMessageText(progress.chat.id, progress.message_id, created.view.html, { parse_mode: "HTML", reply_markup: created.view.keyboard });
    }
  }

  // Leaving: /cancel or Cancel ends the flow; any other command or button leaves it for that.
  feature.use(leaveFlow(BROADCAST, { cancel: CANCEL, ownButton: (data) => stepValue(data) !== undefined, cancelled: (ctx) => ctx.reply(ctx.t("bc-cancelled")) }));
  feature.use(createConversation(broadcastFlow, BROADCAST));
  feature.chatType("private").command("broadcast", async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(BROADCAST, ctx.uiLang);
  });
  feature.chatType("private").callbackQuery(callback.broadcastDeadlines.pattern, async (ctx) => {
    const { program } = callback.broadcastDeadlines.read(ctx.match);
    const draft = ctx.callbackQuery.message;
    await ctx.answerCallbackQuery();
    // A message too old for Telegram to show the bot has no text to copy.
    if (!draft || !("text" in draft)) return;
    // The button is used up; the message stays, as the announcement the preview points to.
    await ctx.editMessageReplyMarkup();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(BROADCAST, ctx.uiLang, { audience: { topic: programTopic(program) }, message: draft } satisfies PreparedDraft);
  });
  return feature;
}
