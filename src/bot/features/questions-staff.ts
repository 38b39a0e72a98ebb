/**
 * "Ask the department", the staff's side: a staff member's Telegram reply to
 * a question's post in the staff chat (text or any media) is delivered to the
 * student, under a header quoting their question; /questions lists the open
 * ones. Other replies to the bot's messages in the staff chat are ignored.
 */
import { Composer, GrammyError } from "grammy";
import type { Question } from "../../storage/questions.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { isStaffRole } from "../middleware/roles.js";
import { translatorFor } from "../locale.js";
import { escapeHtml } from "../ui/html.js";
import { keyboardOf } from "../ui/keyboard.js";
import { homeButton } from "../ui/cards.js";
import { STAFF_CHAT_LANG, studentName } from "../ui/questions.js";
import { reply } from "../ui/view.js";
import { excerpt } from "../ui/excerpt.js";

/** /questions shows this many, oldest first, and counts the rest. */
const LIST_LIMIT = 20;
const QUOTE_LENGTH = 300;
/** Albums whose first part was delivered, by question: the rest go without a second header. */
const ALBUM_MEMORY = 1000;

type T = BotContext["t"];

export function questionsStaffFeature({ store, settings, i18n }: Pick<BotDeps, "store" | "settings" | "i18n">) {
  const feature = new Composer<BotContext>();
  const staffChatId = settings.staffChatId;
  const staffT = translatorFor(i18n, STAFF_CHAT_LANG);
  const albums = new Map<number, string>();

  const nameOf = (userId: number) => {
    const user = store.users.get(userId);
    return studentName(user && { firstName: user.firstName, username: user.username }, userId);
  };

  /** The reply, copied (formatting and media kept) under a header in the student's language; staff are told how it went. */
  async function deliver(ctx: BotContext & { message: NonNullable<BotContext["message"]> }, question: Question): Promise<void> {
    const { message } = ctx;
    const name = nameOf(question.userId);
    // An album comes as one message per part: the header and the confirmation go once.
    const album = message.media_group_id;
    const continuing = album !== undefined && albums.get(question.id) === album;
    if (album !== undefined) remember(albums, question.id, album);
    const confirm = (text: string) => (continuing ? undefined : ctx.reply(text, { parse_mode: "HTML", reply_parameters: { message_id: message.message_id } }));
    try {
      if (!continuing) {
        const t = translatorFor(i18n, store.users.get(question.userId)?.lang ?? question.lang);
        const header = t("questions-answer-header", { number: String(question.id), question: escapeHtml(excerpt(question.text, QUOTE_LENGTH)) });
        await ctx.api.sendMessage(question.userId, header, { parse_mode: "HTML" });
      }
      await ctx.api.copyMessage(question.userId, message.chat.id, message.message_id);
    } catch (error) {
      // 403: the student blocked the bot (middleware/users.ts marks them so).
      if (!(error instanceof GrammyError && error.error_code === 403)) throw error;
      await confirm(staffT("questions-undeliverable", { name }));
      return;
    }
    store.questions.markAnswered(question.id, ctx.from!.id);
    ctx.log.info({ question: question.id }, "answer delivered");
    await confirm(staffT("questions-delivered", { name }));
  }

  if (staffChatId !== undefined) {
    feature.chatType(["group", "supergroup"]).on("message", async (ctx, next) => {
      const command = ctx.message.entities?.[0]?.type === "bot_command" && ctx.message.entities[0].offset === 0;
      if (ctx.chat.id !== staffChatId || command) return next();
      // In the staff chat the bot only delivers answers: replies to its other posts get no search answer.
      const to = ctx.message.reply_to_message;
      const question = to?.from?.id === ctx.me.id ? store.questions.byPost(ctx.chat.id, to.message_id) : undefined;
      if (!question) return;
      // Only staff speak for the department, even in its own group.
      if (!isStaffRole(ctx.role)) return void (await ctx.reply(staffT("questions-not-staff"), { reply_parameters: { message_id: ctx.message.message_id } }));
      await deliver(ctx, question);
    });
  }

  // /close as a reply to a question's post: closed without an answer (a question for another office, a student gone).
  feature.command("close", async (ctx) => {
    const to = ctx.message?.reply_to_message;
    const question = ctx.chat.id === staffChatId && to?.from?.id === ctx.me.id ? store.questions.byPost(ctx.chat.id, to.message_id) : undefined;
    if (!question) return void (await ctx.reply(ctx.t("questions-close-how")));
    store.questions.markAnswered(question.id, ctx.from!.id);
    await ctx.reply(staffT("questions-closed", { number: String(question.id) }), { reply_parameters: { message_id: ctx.message!.message_id } });
  });

  feature.command("questions", async (ctx) => {
    if (ctx.chat.type !== "private" && ctx.chat.id !== staffChatId) return reply(ctx, { html: ctx.t("questions-private-command") });
    if (staffChatId === undefined) return reply(ctx, { html: ctx.t("questions-off") });
    // A student who blocked the bot cannot get an answer: staff see it before writing one.
    const who = (userId: number) => (store.users.get(userId)?.blocked ? `${nameOf(userId)} ${ctx.t("questions-blocked-mark")}` : nameOf(userId));
    await reply(ctx, { html: openQuestions(ctx.t, store.questions.open(LIST_LIMIT), store.questions.countOpen(), who), keyboard: keyboardOf([homeButton(ctx)]) });
  });

  return feature;
}

function openQuestions(t: T, open: Question[], total: number, nameOf: (userId: number) => string, now = Date.now()): string {
  if (total === 0) return t("questions-none");
  const items = open.map((q) =>
    t("questions-list-item", { number: String(q.id), name: nameOf(q.userId), language: t(`language-name-${q.lang}`), age: age(t, now - q.askedAt), text: escapeHtml(excerpt(q.text, QUOTE_LENGTH)) }),
  );
  const more = total > open.length ? [t("questions-list-more", { count: total - open.length })] : [];
  return [t("questions-list-title", { count: total }), ...items, ...more, t("questions-list-hint")].join("\n\n");
}

/** "5 min ago", "3 h ago", "2 days ago". */
function age(t: T, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t("questions-age-minutes", { count: minutes });
  const hours = Math.round(minutes / 60);
  return hours < 48 ? t("questions-age-hours", { count: hours }) : t("questions-age-days", { count: Math.round(hours / 24) });
}

function remember(albums: Map<number, string>, questionId: number, album: string): void {
  albums.delete(questionId);
  if (albums.size >= ALBUM_MEMORY) albums.delete(albums.keys().next().value!);
  albums.set(questionId, album);
}
