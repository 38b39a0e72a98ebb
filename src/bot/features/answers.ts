/**
 * Questions in free text: search the knowledge base and answer with the best
 * entry's card, offering close alternatives; say honestly when nothing fits.
 * Greetings, thanks and "who are you" get a friendly word instead.
 */
import { Composer, InlineKeyboard } from "grammy";
import { detectSmallTalk } from "../../search/small-talk.js";
import type { BotContext, BotDeps } from "../context.js";
import { callback } from "../ui/callback-data.js";
import { keyboardOf } from "../ui/keyboard.js";
import { reply, type View } from "../ui/view.js";
import { entryView } from "./browse.js";
import { homeButton, mainMenu } from "./menu.js";

/** Alternatives this close to the best are worth a button even when the engine is sure. */
const CLOSE_ALTERNATIVE = 0.6;
const MAX_ALTERNATIVES = 3;

export function answersFeature({ catalog }: Pick<BotDeps, "catalog">) {
  const feature = new Composer<BotContext>();

  feature.on("message:text", async (ctx) => {
    const text = withoutMention(ctx.message.text, ctx.me.username);
    if (text.startsWith("/")) return reply(ctx, { html: ctx.t("help-text"), keyboard: mainMenu(ctx).keyboard });

    const smallTalk = detectSmallTalk(text);
    if (smallTalk) return reply(ctx, { html: ctx.t(`smalltalk-${smallTalk}`), keyboard: homeButton(ctx) });

    const { results, ambiguous } = catalog.search(text);
    const [best, ...others] = results;
    if (!best) return reply(ctx, noAnswer(ctx));
    ctx.log.info({ query: text, entry: best.id, score: best.score, ambiguous }, "answered");

    const card = entryView(ctx, catalog.kb, catalog.kb.byId.get(best.id)!);
    const alternatives = others.filter((hit) => ambiguous || hit.score >= best.score * CLOSE_ALTERNATIVE).slice(0, MAX_ALTERNATIVES);
    const titles = alternatives.map((hit) => ({ id: hit.id, title: catalog.kb.byId.get(hit.id)!.title[ctx.lang] }));
    await reply(ctx, titles.length > 0 ? withAlternatives(ctx, card, titles, ambiguous) : card);
  });

  // Stickers, photos, voice: outside a guided flow the bot only reads words.
  feature.on("message", (ctx) => {
    if (ctx.chat.type === "private") return reply(ctx, { html: ctx.t("unsupported-message"), keyboard: homeButton(ctx) });
  });

  return feature;
}

function noAnswer(ctx: BotContext): View {
  const keyboard = new InlineKeyboard().text(ctx.t("card-contacts-button"), callback.entry("international-department")).text(ctx.t("nav-home"), callback.menu());
  return { html: `${ctx.t("search-no-answer")}\n\n${ctx.t("search-no-answer-hint")}`, keyboard };
}

/** The card, then "Did you mean" buttons above its own. */
function withAlternatives(ctx: BotContext, card: View, alternatives: { id: string; title: string }[], ambiguous: boolean): View {
  const keyboard = keyboardOf(...alternatives.map(({ id, title }) => [InlineKeyboard.text(`🔎 ${title}`, callback.entry(id))]), ...(card.keyboard?.inline_keyboard ?? []));
  const heading = ctx.t(ambiguous ? "search-did-you-mean" : "search-alternatives");
  return { html: `${card.html}\n\n<i>${heading}</i>`, keyboard };
}

/** In a group the question comes as "@bot question". */
function withoutMention(text: string, username: string): string {
  return text.replace(new RegExp(`@${username}\\b`, "gi"), "").trim();
}
