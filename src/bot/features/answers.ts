/**
 * Questions in free text: the answer to what was asked (src/answers/answer.ts):
 * the section asked about, that section across the programs, an entry's card
 * with close alternatives, or an honest word when nothing fits.
 * Greetings, thanks and "who are you" get a friendly word instead.
 */
import { Composer } from "grammy";
import { detectSmallTalk } from "../../search/small-talk.js";
import { answerQuestion, leavesOpen } from "../../answers/answer.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { answerView } from "../ui/answer-view.js";
import { homeButton } from "../ui/cards.js";
import { withFeedback } from "../ui/feedback.js";
import { keyboardOf } from "../ui/keyboard.js";
import { helpView } from "../ui/main-menu.js";
import { askThisButton } from "../ui/questions.js";
import { reply } from "../ui/view.js";

export function answersFeature({ catalog, store }: Pick<BotDeps, "catalog" | "store">) {
  const feature = new Composer<BotContext>();
  let mention: RegExp | undefined;

  feature.on("message:text", async (ctx) => {
    // The bot's own mention, made once: its username never changes while it runs.
    mention ??= new RegExp(`@${ctx.me.username}\\b`, "gi");
    const text = withoutMention(ctx.message.text, mention);
    // A command no feature knows: help, but only in private (in a group it may be another bot's).
    if (text.startsWith("/")) return ctx.chat.type === "private" ? reply(ctx, helpView(ctx)) : undefined;

    const smallTalk = detectSmallTalk(text);
    if (smallTalk) return reply(ctx, { html: ctx.t(`smalltalk-${smallTalk}`), keyboard: keyboardOf([homeButton(ctx)]) });

    const answered = answerQuestion(catalog, text);
    const { answer, lang, ambiguous, facet } = answered;
    // What search could not answer confidently is what staff teach it next (/unanswered).
    // Only a statistic: if it cannot be written, the student is answered all the same (and asked to write their question).
    // Also what the knowledge does not say yet ("not published"): that is what the department fills in next.
    const unsure = ambiguous || leavesOpen(catalog.kb, answered);
    const logId = unsure ? store.bestEffort.run("unanswered query", () => store.learning.logUnconfident(ctx.from?.id, text, lang)) : undefined;
    const askThis = unsure ? askThisButton(ctx, logId) : undefined;
    const ask = askThis ? [askThis] : [];
    if (answer.kind === "none") return reply(ctx, answerView(ctx, answered, ask));
    ctx.log.debug({ answer: answer.kind, facet, entries: answered.results.map((hit) => hit.id), ambiguous }, "answered");
    if (answer.kind === "entry") store.usage.record("entry-answered", answer.id);
    // "Was this helpful?" under it (features/feedback.ts), in private chats; only a statistic, like the unanswered log.
    const from = ctx.chat.type === "private" ? ctx.from : undefined;
    const entryIds = answered.results.map((hit) => hit.id);
    const answerId = from && store.bestEffort.run("search answer", () => store.answers.record({ userId: from.id, query: text, lang, facet, entryIds, unansweredId: logId }));
    await reply(ctx, withFeedback(ctx, answerView(ctx, answered, ask), answerId));
  });

  // Stickers, photos, voice: outside a guided flow the bot only reads words.
  feature.on("message", (ctx) => {
    if (ctx.chat.type === "private") return reply(ctx, { html: ctx.t("unsupported-message"), keyboard: keyboardOf([homeButton(ctx)]) });
  });

  return feature;
}


/** In a group the question comes as "@bot question". */
function withoutMention(text: string, mention: RegExp): string {
  return text.includes("@") ? text.replace(mention, "").trim() : text.trim();
}
