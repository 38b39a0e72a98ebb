/**
 * Scores the answers (src/answers/answer.ts, rendered by src/bot/ui/answer-view.ts)
 * on the labelled facet questions: the facet read, the entry (or kind of
 * answer) chosen, and whether a short answer stays short and gives the phone
 * when the department has published nothing.
 */
import { InlineKeyboard } from "grammy";
import { answerQuestion, hasSection, leavesOpen } from "../../src/answers/answer.js";
import { callback } from "../../src/bot/ui/callback-data.js";
import { readers } from "../../src/bot/locale.js";
import { answerView } from "../../src/bot/ui/answer-view.js";
import { createI18n } from "../../src/i18n.js";
import type { Catalog } from "../../src/knowledge/catalog.js";
import { DEPARTMENT_CONTACT } from "../../src/knowledge/contract.js";
import { htmlToText } from "../../src/bot/ui/html.js";
import { FACET_GROUPS, type FacetGroup, type FacetQuery } from "./facet-sets.js";

/** What a short answer may take: characters on its first screen, buttons with the two feedback buttons under it. */
export const LIMITS = { characters: 600, buttons: 6, feedbackButtons: 2 };
const UI_OF_GROUP = { en: "en", ru: "ru", "uz-latn": "uz", "uz-cyrl": "uz-cyrl" } as const;

export interface AnswerScore {
  total: number;
  facetRight: number;
  entryRight: number;
  across: number;
  /** Across answers that name at least two programs. */
  acrossNamingTwo: number;
  /** Section answers (not overview, not a country) and how many kept to the limits. */
  short: number;
  withinLimits: number;
  /** Answers about a section the department has not published, and how many gave its phone. */
  empty: number;
  emptyWithPhone: number;
  failures: string[];
}

export function evaluateAnswers(catalog: Catalog, queries: FacetQuery[]): Record<FacetGroup, AnswerScore> {
  const readerOf = readers({ i18n: createI18n(), catalog });
  const department = catalog.kb.byId.get(DEPARTMENT_CONTACT)!;
  const phone = department.type === "contact" ? department.contact.phones[0]!.number.replace(/ /g, "") : "";
  const scores = Object.fromEntries(
    FACET_GROUPS.map((g): [FacetGroup, AnswerScore] => [
      g,
      { total: 0, facetRight: 0, entryRight: 0, across: 0, acrossNamingTwo: 0, short: 0, withinLimits: 0, empty: 0, emptyWithPhone: 0, failures: [] },
    ]),
  ) as Record<FacetGroup, AnswerScore>;
  for (const query of queries) {
    const score = scores[query.group];
    const answered = answerQuestion(catalog, query.q);
    const { answer } = answered;
    score.total++;
    const facetRight = query.facet === null ? answered.facet === null || answered.facet === "overview" : answered.facet === query.facet;
    const got = answer.kind === "entry" ? answer.id : answer.kind === "other-country" ? `country ${answer.code}` : answer.kind;
    const expected = query.entry ?? (query.across ? "across" : query.country ? `country ${query.country}` : "out-of-scope");
    // Whom to call and which countries have one answer for every program: the department's contact, the partner countries.
    const acrossAsOne = query.across && ((query.facet === "contacts" && got === DEPARTMENT_CONTACT) || (query.facet === "countries" && got === "partner-countries"));
    const entryRight = got === expected || acrossAsOne === true;
    if (facetRight) score.facetRight++;
    if (entryRight) score.entryRight++;
    if (!facetRight || !entryRight) score.failures.push(`${query.group} "${query.q}": expected ${query.facet ?? "-"} / ${expected}, got ${answered.facet ?? "-"} / ${got}`);

    // Rendered as the chat sends it where the department takes questions: "Ask the department" where the answer leaves the question open.
    const ask = leavesOpen(catalog.kb, answered) ? [InlineKeyboard.text("✉️", callback.questionWrite())] : [];
    const view = answerView(readerOf(UI_OF_GROUP[query.group]), answered, ask);
    const text = htmlToText(view.html);
    const buttons = (view.keyboard?.inline_keyboard.flat().length ?? 0) + LIMITS.feedbackButtons;
    if (answer.kind === "across") {
      score.across++;
      if (answer.ids.filter((id) => text.includes(readerOf(UI_OF_GROUP[query.group]).kb.byId.get(id)!.title[readerOf(UI_OF_GROUP[query.group]).lang])).length >= 2) score.acrossNamingTwo++;
    }
    const isSection = (answer.kind === "entry" && answer.facet !== "overview") || answer.kind === "across";
    if (isSection) {
      score.short++;
      if (text.length <= LIMITS.characters && buttons <= LIMITS.buttons) score.withinLimits++;
      else score.failures.push(`${query.group} "${query.q}": ${text.length} characters, ${buttons} buttons`);
    }
    const entry = answer.kind === "entry" ? catalog.kb.byId.get(answer.id) : undefined;
    const empty =
      (answer.kind === "entry" && answer.facet !== "overview" && entry?.type === "program" && !hasSection(entry, answer.facet)) ||
      (answer.kind === "across" && answer.ids.some((id) => {
        const program = catalog.kb.byId.get(id);
        return program?.type === "program" && !hasSection(program, answer.facet);
      }));
    if (empty) {
      score.empty++;
      if (text.includes(phone)) score.emptyWithPhone++;
      else score.failures.push(`${query.group} "${query.q}": nothing published, and no phone`);
    }
  }
  return scores;
}
