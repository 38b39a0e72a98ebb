/**
 * Inline mode: "@bot erasmus hujjatlar" in any chat offers, first, the answer
 * the chat would give (src/answers/answer.ts: the section asked about, the
 * programs across, a word about a country or another office), then the cards
 * of the other entries found; each links back to the bot. An empty query
 * offers the programs.
 */
import { Composer, InlineKeyboard, InlineQueryResultBuilder } from "grammy";
import { answerQuestion, type AnsweredQuestion } from "../../answers/answer.js";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import { programsOf } from "../../knowledge/load.js";
import type { Entry } from "../../knowledge/schema.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { answerView } from "../ui/answer-view.js";
import { entryView } from "../ui/cards.js";
import { excerpt } from "../ui/excerpt.js";
import { htmlToText } from "../ui/html.js";
import { splitMessage } from "../ui/split.js";
import type { View } from "../ui/view.js";

const MAX_RESULTS = 10;
const DESCRIPTION_LENGTH = 120;

export function inlineFeature({ catalog }: Pick<BotDeps, "catalog">) {
  const feature = new Composer<BotContext>();

  feature.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const { kb } = ctx;
    const article = (id: string, title: string, view: View, startWith: string | undefined, description: string) => {
      // The shared message is one message: its first part, with a button into the bot for the rest.
      const [html] = splitMessage(view.html);
      const bot = `https://t.me/${ctx.me.username}${startWith ? `?start=${startWith}` : ""}`;
      const open = new InlineKeyboard().url(ctx.t("inline-open-in-bot"), bot);
      return InlineQueryResultBuilder.article(id, title, { description: excerpt(description, DESCRIPTION_LENGTH), reply_markup: open }).text(html!, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      });
    };
    const card = (entry: Entry) => article(entry.id, entry.title[ctx.lang], entryView(ctx, kb, entry), entry.id, entry.summary[ctx.lang]);

    if (query === "") return ctx.answerInlineQuery(programsOf(kb).slice(0, MAX_RESULTS).map(card), { cache_time: 60, is_personal: true });
    const answered = answerQuestion(catalog, query);
    const first = firstArticle(ctx, answered);
    const results = [];
    if (first) {
      const view = answerView(ctx, answered);
      // Under the title, what the answer says: its text without its own title line.
      const said = htmlToText(view.html).split("\n").slice(1).join(" ").trim();
      results.push(first.id === first.startWith ? card(ctx.kb.byId.get(first.id)!) : article(first.id, first.title, view, first.startWith, said));
    }
    // The other entries found, as cards: the one answered above is not repeated as its own card when the answer was that card.
    const shown = new Set(first?.id === undefined ? [] : [first.id]);
    for (const hit of answered.results) {
      const entry = kb.byId.get(hit.id);
      if (entry && !shown.has(entry.id) && results.length < MAX_RESULTS) results.push(card(entry));
      shown.add(hit.id);
    }
    await ctx.answerInlineQuery(results, { cache_time: 60, is_personal: true });
  });

  return feature;
}

/** The answer's own result: its id (the entry's own id when the answer is its card), title, and the entry the link into the bot opens. */
function firstArticle(ctx: BotContext, { answer }: AnsweredQuestion): { id: string; title: string; startWith?: string } | undefined {
  switch (answer.kind) {
    case "entry": {
      const entry = ctx.kb.byId.get(answer.id)!;
      if (answer.facet === "overview") return { id: entry.id, title: entry.title[ctx.lang], startWith: entry.id };
      return { id: `${entry.id}:${answer.facet}`, title: `${entry.title[ctx.lang]}: ${ctx.t(`facet-${answer.facet}`)}`, startWith: entry.id };
    }
    case "across":
      return { id: `across:${answer.facet}`, title: ctx.t("across-title", { facet: ctx.t(`facet-${answer.facet}`) }) };
    case "other-country":
      return { id: `country:${answer.code}`, title: ctx.t("other-country-button") };
    case "out-of-scope":
      return { id: `out-of-scope:${answer.topic.id}`, title: ctx.t("out-of-scope-title"), startWith: DEPARTMENT_CONTACT };
    case "none":
      return undefined;
  }
}
