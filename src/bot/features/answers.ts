/**
 * Questions in free text: search the knowledge base and answer with the best
 * entry's card, offering close alternatives; say honestly when nothing fits.
 * Greetings, thanks and "who are you" get a friendly word instead.
 */
import { Composer, InlineKeyboard } from "grammy";
import { detectSmallTalk } from "../../search/small-talk.js";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { callback } from "../ui/callback-data.js";
import { entryView, homeButton } from "../ui/cards.js";
import { italic } from "../ui/html.js";
import { keyboardOf } from "../ui/keyboard.js";
import { helpView } from "../ui/main-menu.js";
import { canAskDepartment } from "../ui/questions.js";
import { reply, type View } from "../ui/view.js";

/** Alternatives this close to the best are worth a button even when the engine is sure. */
const CLOSE_ALTERNATIVE = 0.6;
const MAX_ALTERNATIVES = 3;

export function answersFeature({ catalog, store }: Pick<BotDeps, "catalog" | "store">) {
  const feature = new Composer<BotContext>();

  feature.on("message:text", async (ctx) => {
    const text = withoutMention(ctx.message.text, ctx.me.username);
    // A command no feature knows: help, but only in private (in a group it may be another bot's).
    if (text.startsWith("/")) return ctx.chat.type === "private" ? reply(ctx, helpView(ctx)) : undefined;

    const smallTalk = detectSmallTalk(text);
    if (smallTalk) return reply(ctx, { html: ctx.t(`smalltalk-${smallTalk}`), keyboard: keyboardOf([homeButton(ctx)]) });

    const { results, ambiguous, lang } = catalog.search(text);
    const [best, ...others] = results;
    // What search could not answer confidently is what staff teach it next (/unanswered).
    // Only a statistic: if it cannot be written, the student is answered all the same (and asked to write their question).
    const logId = !best || ambiguous ? store.bestEffort.run("unanswered query", () => store.learning.logUnconfident(ctx.from?.id, text, lang)) : undefined;
    if (!best) return reply(ctx, noAnswer(ctx, logId));
    ctx.log.debug({ entry: best.id, score: best.score, ambiguous }, "answered");

    const { kb } = ctx;
    const card = entryView(ctx, kb, kb.byId.get(best.id)!);
    store.usage.record("entry-answered", best.id);
    const alternatives = others.filter((hit) => ambiguous || hit.score >= best.score * CLOSE_ALTERNATIVE).slice(0, MAX_ALTERNATIVES);
    const titles = alternatives.map((hit) => ({ id: hit.id, title: kb.byId.get(hit.id)!.title[ctx.lang] }));
    await reply(ctx, titles.length > 0 ? withAlternatives(ctx, card, titles, ambiguous) : card);
  });

  // Stickers, photos, voice: outside a guided flow the bot only reads words.
  feature.on("message", (ctx) => {
    if (ctx.chat.type === "private") return reply(ctx, { html: ctx.t("unsupported-message"), keyboard: keyboardOf([homeButton(ctx)]) });
  });

  return feature;
}

/** "I don't know", the contacts, and (when the department takes questions) asking it this very query. */
function noAnswer(ctx: BotContext, logId: number | undefined): View {
  const ask = canAskDepartment(ctx) ? [InlineKeyboard.text(ctx.t("questions-ask-button"), logId === undefined ? callback.questionWrite() : callback.questionAsk(logId))] : [];
  const keyboard = keyboardOf(ask, [InlineKeyboard.text(ctx.t("card-contacts-button"), callback.entry(DEPARTMENT_CONTACT)), homeButton(ctx)]);
  return { html: `${ctx.t("search-no-answer")}\n\n${ctx.t("search-no-answer-hint")}`, keyboard };
}

/** The card, then "Did you mean" buttons above its own. */
function withAlternatives(ctx: BotContext, card: View, alternatives: { id: string; title: string }[], ambiguous: boolean): View {
  const buttons = alternatives.map(({ id, title }) => [InlineKeyboard.text(ctx.t("search-alternative-button", { title }), callback.entry(id))]);
  const keyboard = keyboardOf(...buttons, ...(card.keyboard?.inline_keyboard ?? []));
  return { html: `${card.html}\n\n${italic(ctx.t(ambiguous ? "search-did-you-mean" : "search-alternatives"))}`, keyboard };
}

/** In a group the question comes as "@bot question". */
function withoutMention(text: string, username: string): string {
  return text.replace(new RegExp(`@${username}\\b`, "gi"), "").trim();
}
