/**
 * "Ask the department", the student's side: a question typed after "Ask the
 * department" in the menu (a short conversation, with Cancel), or the query a
 * "not found" answer was about, sent after one tap of confirmation. It is
 * posted in the staff chat (questions-staff.ts delivers the staff's reply).
 *
 * The conversation is replayed on every update: the database and the staff
 * chat are touched only inside conversation.external, once.
 */
import { createConversation, type Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, type Context } from "grammy";
import type { Question } from "../../storage/questions.js";
import type { UiLang } from "../../storage/users.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { readers } from "../locale.js";
import { leaveFlow } from "../middleware/leave-flow.js";
import { callback } from "../ui/callback-data.js";
import { homeButton } from "../ui/cards.js";
import { escapeHtml } from "../ui/html.js";
import { keyboardOf } from "../ui/keyboard.js";
import { mainMenu } from "../ui/main-menu.js";
import { markQuestionsOffered, STAFF_CHAT_LANG, studentName } from "../ui/questions.js";
import { staleButton } from "../ui/stale-button.js";
import { show, type View } from "../ui/view.js";

export const ASK_DEPARTMENT = "ask-department";
/** Open questions a student may have at once: the staff chat is not flooded. */
export const MAX_OPEN_QUESTIONS = 3;
/** Longer questions are refused with their length; the staff post must stay well within one message. */
const MAX_QUESTION_LENGTH = 1000;
const MIN_QUESTION_LENGTH = 5;

type Flow = Conversation<BotContext, Context>;
type T = BotContext["t"];
/** What became of a question; plain data, as conversation.external keeps it. */
type Outcome = { kind: "sent" | "duplicate"; number: number } | { kind: "too-many"; count: number } | { kind: "failed" };

export function questionsFeature({ store, settings, i18n, catalog }: Pick<BotDeps, "store" | "settings" | "i18n" | "catalog">) {
  const feature = new Composer<BotContext>();
  const readerFor = readers({ i18n, catalog });
  const staffT = readerFor(STAFF_CHAT_LANG).t;

  /** Records the question and posts it in the staff chat; a question that could not be posted is forgotten. */
  async function submit(ctx: BotContext, text: string): Promise<Outcome> {
    const from = ctx.from!;
    const asked = store.questions.ask(from.id, text, ctx.uiLang, MAX_OPEN_QUESTIONS);
    if (asked.kind === "too-many") return { kind: "too-many", count: asked.open };
    if (asked.kind === "duplicate") return { kind: "duplicate", number: asked.question.id };
    const question = asked.question;
    try {
      const student = studentName({ firstName: from.first_name, lastName: from.last_name, username: from.username }, from.id);
      const post = await ctx.api.sendMessage(settings.staffChatId!, staffPost(staffT, question, student), { parse_mode: "HTML" });
      store.questions.attachPost(question.id, post.chat.id, post.message_id);
      ctx.log.info({ question: question.id }, "question posted in the staff chat");
      return { kind: "sent", number: question.id };
    } catch (error) {
      ctx.log.error({ err: error, question: question.id }, "could not post a question in the staff chat");
      store.questions.remove(question.id);
      return { kind: "failed" };
    }
  }

  async function askFlow(conversation: Flow, ctx: Context, ui: UiLang): Promise<void> {
    const reader = readerFor(ui);
    const { t } = reader;
    const cancel = keyboardOf([InlineKeyboard.text(t("questions-cancel-button"), callback.questionCancel())]);
    await ctx.reply(t("questions-ask-prompt", { max: MAX_QUESTION_LENGTH }), { reply_markup: cancel });
    for (;;) {
      const update = await conversation.wait();
      if (!update.message) await conversation.skip();
      const text = update.message?.text?.trim();
      const problem = text === undefined ? t("questions-type-text") : invalid(t, text);
      if (problem !== undefined) {
        await update.reply(problem, { reply_markup: cancel });
        continue;
      }
      const outcome = await conversation.external((outside) => submit(outside, text!));
      const view = outcomeView(reader, outcome);
      await update.reply(view.html, { parse_mode: "HTML", reply_markup: view.keyboard });
      return;
    }
  }

  // Without a staff chat there is no one to ask: the menu and "not found" offer nothing.
  if (settings.staffChatId === undefined) return feature;
  feature.use(markQuestionsOffered);

  // Leaving the flow: Cancel ends it; any other button or command leaves it for that.
  feature.use(
    leaveFlow(ASK_DEPARTMENT, {
      cancel: callback.questionCancel(),
      cancelled: (ctx) => show(ctx, { html: ctx.t("questions-cancelled"), keyboard: mainMenu(ctx).keyboard }),
    }),
  );
  feature.use(createConversation(askFlow, ASK_DEPARTMENT));

  feature.callbackQuery(callback.questionWrite(), async (ctx) => {
    if (ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("questions-private-only"), show_alert: true });
    // Only one flow at a time: asking leaves "Am I eligible?" midway.
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(ASK_DEPARTMENT, ctx.uiLang);
  });
  // A "not found" answer's button: the query is shown, and sent with one more tap.
  feature.callbackQuery(callback.questionAsk.pattern, async (ctx) => {
    const logged = store.learning.get(callback.questionAsk.read(ctx.match).log);
    if (!logged || logged.userId !== ctx.from.id) return staleButton(ctx);
    const keyboard = keyboardOf([
      InlineKeyboard.text(ctx.t("questions-send-button"), callback.questionSend(logged.id)),
      InlineKeyboard.text(ctx.t("questions-cancel-button"), callback.questionCancel()),
    ]);
    await show(ctx, { html: ctx.t("questions-confirm", { question: escapeHtml(logged.query) }), keyboard });
  });
  feature.callbackQuery(callback.questionSend.pattern, async (ctx) => {
    const logged = store.learning.get(callback.questionSend.read(ctx.match).log);
    if (!logged || logged.userId !== ctx.from.id) return staleButton(ctx);
    await show(ctx, outcomeView(ctx, await submit(ctx, logged.query)));
  });
  feature.callbackQuery(callback.questionCancel(), (ctx) => show(ctx, { html: ctx.t("questions-cancelled"), keyboard: mainMenu(ctx).keyboard }));
  return feature;
}

/** The post staff reply to. */
function staffPost(t: T, question: Question, student: string): string {
  return t("questions-post", { number: String(question.id), name: student, language: t(`language-name-${question.lang}`), text: escapeHtml(question.text) });
}

/** Why a typed question is not sent, if it is not. */
function invalid(t: T, text: string): string | undefined {
  if (text.length < MIN_QUESTION_LENGTH) return t("questions-too-short");
  if (text.length > MAX_QUESTION_LENGTH) return t("questions-too-long", { max: MAX_QUESTION_LENGTH, length: text.length });
  return undefined;
}

function outcomeView(r: Pick<BotContext, "t" | "lang">, outcome: Outcome): View {
  const keyboard = keyboardOf([homeButton(r)]);
  switch (outcome.kind) {
    case "sent":
      return { html: r.t("questions-sent", { number: String(outcome.number) }), keyboard };
    case "duplicate":
      return { html: r.t("questions-duplicate", { number: String(outcome.number) }), keyboard };
    case "too-many":
      return { html: r.t("questions-too-many", { count: outcome.count }), keyboard };
    case "failed":
      return { html: r.t("questions-not-sent"), keyboard };
  }
}
