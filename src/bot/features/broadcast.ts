/**
 * /broadcast (staff): a guided conversation that asks for the audience, then
 * the announcement itself (any message: formatted text, photo, video,
 * document, an album), shows the exact number of recipients, and sends it
 * now or at a scheduled Tashkent time. Delivery is the engine's job
 * (src/broadcast/engine.ts); this only records the broadcast and wakes it.
 *
 * Replayed on every update like every flow: the database is touched only in
 * conversation.external, so a replay never creates a broadcast twice.
 */
import { createConversation, type Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, type Context, type NextFunction } from "grammy";
import type { Message } from "grammy/types";
import { countryTopic, isTopic, programTopic, topicEntry } from "../../broadcast/audience.js";
import { formatTashkent, parseTashkentTime } from "../../time/tashkent.js";
import type { Audience, Topic } from "../../storage/subscriptions.js";
import { UI_LANGS, type UiLang } from "../../storage/users.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { readers } from "../locale.js";
import { leaveFlow } from "../middleware/leave-flow.js";
import { isStaffRole } from "../middleware/roles.js";
import { audienceLabel, broadcastView, cardFigures } from "../broadcast/view.js";
import { callback } from "../ui/callback-data.js";
import { bold, escapeHtml } from "../ui/html.js";
import { keyboardOf, rowsOf } from "../ui/keyboard.js";
import { pageButtons, pageNumber, pageOf } from "../ui/paging.js";

export const BROADCAST = "broadcast";
const CANCEL = callback.broadcastStep("cancel");

type Flow = Conversation<BotContext, Context>;
const TIME_PROBLEM = { format: "bc-time-format", past: "bc-time-past", "too-far": "bc-time-too-far" } as const;

/** Messages Telegram can copy: anything a person sends, not service messages. */
const COPYABLE = ["text", "photo", "video", "document", "audio", "voice", "animation", "video_note", "sticker", "poll", "location", "venue", "contact"] as const;
const isCopyable = (message: Message) => COPYABLE.some((kind) => kind in message);

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

  async function broadcastFlow(conversation: Flow, ctx: Context, ui: UiLang): Promise<void> {
    const reader = readerFor(ui);
    const { t } = reader;
    const cancelButton = InlineKeyboard.text(t("bc-button-cancel"), CANCEL);

    /** The next press of this flow's buttons; typed text gets `hint` (buttons are the answer here). */
    async function press(hint: string): Promise<string> {
      const pressed = await conversation.waitForCallbackQuery(callback.broadcastStep.pattern, { otherwise: (update) => update.message && update.reply(hint) });
      return callback.broadcastStep.read(pressed.match).value;
    }

    /** All subscribers, one language, or one topic (a program or a country, in pages), each with how many it reaches. */
    async function chooseAudience(): Promise<Audience> {
      const options = await conversation.external(() => {
        const count = (audience: Audience) => store.subscriptions.countAudience(audience);
        return { all: count({ topic: "all" }), langs: UI_LANGS.map((lang) => ({ lang, count: count({ topic: "all", lang }) })) };
      });
      const button = (label: string, value: string) => InlineKeyboard.text(label, callback.broadcastStep(value));
      /**
       * A page of the topics with their counts, read when shown: a large base
       * has thousands, too many to count at once or to keep in the flow's state.
       */
      const topicPage = async (requested: number) => {
        const page = await conversation.external(() => {
          const { items, index, pages } = pageOf(
            reader.kb.entries.filter((e) => e.type === "program" || e.type === "country"),
            requested,
          );
          const shown = items.map((e) => {
            const topic = e.type === "program" ? programTopic(e.id) : countryTopic(e.id);
            return { topic, title: e.title[reader.lang], count: store.subscriptions.countAudience({ topic }) };
          });
          return { items: shown, index, pages };
        });
        const buttons = page.items.map((o) => button(`${o.title} (${o.count})`, `t:${o.topic}`));
        return {
          index: page.index,
          text: [t("bc-ask-topic"), ...pageNumber(t, page)].join("\n\n"),
          keyboard: keyboardOf(...rowsOf(buttons, 2), pageButtons(t, page, (n) => callback.broadcastStep(`tp:${n}`)), [cancelButton]),
        };
      };
      /** A topic of a button, while its program or country is still in the base. */
      const topicInBase = (value: string) =>
        conversation.external(() => {
          const about = isTopic(value) ? topicEntry(value) : undefined;
          return about !== undefined && catalog.kb.byId.get(about.id)?.type === about.kind ? (value as Topic) : undefined;
        });
      await ctx.reply(t("bc-ask-audience"), {
        reply_markup: keyboardOf(
          [button(t("bc-audience-all-button", { count: options.all }), "all")],
          [button(t("bc-audience-by-language"), "by-lang"), button(t("bc-audience-by-topic"), "by-topic")],
          [cancelButton],
        ),
      });
      // The topics message and the page it shows: a page is turned by editing it, never to the page it shows already.
      let topics: { message: Message; index: number } | undefined;
      for (;;) {
        const choice = await press(t("bc-use-buttons"));
        if (choice === "all") return { topic: "all" };
        if (choice === "by-lang") {
          const buttons = options.langs.map((o) => button(`${t(`language-name-${o.lang}`)} (${o.count})`, `l:${o.lang}`));
          await ctx.reply(t("bc-ask-language"), { reply_markup: keyboardOf(...rowsOf(buttons, 2), [cancelButton]) });
        } else if (choice === "by-topic") {
          const first = await topicPage(0);
          topics = { message: await ctx.reply(first.text, { reply_markup: first.keyboard }), index: first.index };
        }
        const turn = /^tp:(\d+)$/.exec(choice);
        if (turn && topics) {
          const page = await topicPage(Number(turn[1]));
          if (page.index !== topics.index) await ctx.api.editMessageText(topics.message.chat.id, topics.message.message_id, page.text, { reply_markup: page.keyboard });
          topics.index = page.index;
        }
        const lang = options.langs.find((o) => choice === `l:${o.lang}`);
        if (lang) return { topic: "all", lang: lang.lang };
        const topic = choice.startsWith("t:") ? await topicInBase(choice.slice(2)) : undefined;
        if (topic) return { topic };
      }
    }

    const audience = await chooseAudience();
    const who = await conversation.external(() => ({ label: audienceLabel(reader, audience), count: store.subscriptions.countAudience(audience) }));
    if (who.count === 0) {
      await ctx.reply(t("bc-nobody", { audience: who.label }));
      return;
    }

    await ctx.reply(t("bc-ask-message", { audience: who.label, count: who.count }), { reply_markup: keyboardOf([cancelButton]) });
    const { message: first } = await conversation.waitFor("message").and((update) => isCopyable(update.message), { otherwise: (update) => update.reply(t("bc-not-copyable")) });

    // An album arrives as several messages sharing a media_group_id: the preview counts them as they come.
    const messageIds = [first.message_id];
    const previewText = () =>
      [
        bold(t("bc-preview-title")),
        escapeHtml(t("bc-to", { audience: who.label })),
        escapeHtml(t("bc-preview-count", { count: who.count })),
        escapeHtml(messageIds.length > 1 ? t("bc-preview-album", { count: messageIds.length }) : t("bc-preview-message")),
      ].join("\n");
    const previewKeyboard = keyboardOf(
      [InlineKeyboard.text(t("bc-button-send-now", { count: who.count }), callback.broadcastStep("now"))],
      [InlineKeyboard.text(t("bc-button-schedule"), callback.broadcastStep("schedule")), cancelButton],
    );
    const preview = await ctx.reply(previewText(), { parse_mode: "HTML", reply_markup: previewKeyboard, reply_parameters: { message_id: first.message_id } });
    const albumPart = (update: Context) => update.message?.media_group_id !== undefined && update.message.media_group_id === first.media_group_id;
    const chosen = (update: Context) => callback.broadcastStep.parse(update.callbackQuery?.data)?.value;
    let choice: string | undefined;
    while (choice !== "now" && choice !== "schedule") {
      const update = await conversation.waitUntil((u) => albumPart(u) || chosen(u) === "now" || chosen(u) === "schedule", {
        otherwise: (u) => u.message && u.reply(t("bc-use-buttons")),
      });
      if (albumPart(update)) {
        messageIds.push(update.message!.message_id);
        await ctx.api.editMessageText(preview.chat.id, preview.message_id, previewText(), { parse_mode: "HTML", reply_markup: previewKeyboard });
      } else choice = chosen(update);
    }

    let scheduledAt: number | null = null;
    if (choice === "schedule") {
      await ctx.reply(t("bc-ask-time", { example: formatTashkent((await conversation.now()) + 24 * 3600_000).replace(/\d\d:\d\d$/, "09:00") }), {
        reply_markup: keyboardOf([cancelButton]),
      });
      for (;;) {
        const update = await conversation.waitFor("message:text");
        const parsed = parseTashkentTime(update.message.text, await conversation.now());
        if (parsed.ok) {
          scheduledAt = parsed.at;
          break;
        }
        await update.reply(t(TIME_PROBLEM[parsed.reason]));
      }
    }

    // The progress message exists before the broadcast does, so the engine only ever edits it.
    const progress = await ctx.reply(t("bc-preparing"));
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
  feature.use(leaveFlow(BROADCAST, { cancel: CANCEL, ownButton: (data) => callback.broadcastStep.parse(data) !== undefined, cancelled: (ctx) => ctx.reply(ctx.t("bc-cancelled")) }));
  feature.use(createConversation(broadcastFlow, BROADCAST));
  feature.chatType("private").command("broadcast", async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(BROADCAST, ctx.uiLang);
  });
  return feature;
}
