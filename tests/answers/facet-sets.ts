/**
 * The labelled question sets of issue 11 ("answer the question that was asked"):
 * which facet of an entry a question asks about. facet-queries.yaml is the tuning
 * set, facet-queries-more.yaml adds new wordings to it and facet-queries-third.yaml
 * adds a different kind of asker (long polite run-ons, parents, teachers, voice-typed
 * Uzbek, mixed Russian/Uzbek); facet-holdout.yaml is held out and never tuned on.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export const FACET_GROUPS = ["en", "ru", "uz-latn", "uz-cyrl"] as const;
export type FacetGroup = (typeof FACET_GROUPS)[number];

export const FACETS = ["overview", "eligibility", "language", "documents", "steps", "deadlines", "cost", "duration", "contacts", "countries"] as const;
export type Facet = (typeof FACETS)[number];

export type FacetSetFile = "facet-queries.yaml" | "facet-queries-more.yaml" | "facet-queries-third.yaml" | "facet-holdout.yaml";

export interface FacetQuery {
  /** The message as a student types it. */
  q: string;
  group: FacetGroup;
  /** The facet asked about; null for a question about the entry as a whole (overview) or out of scope. */
  facet: Facet | null;
  /** Exactly one of the four below says what the answer is about. */
  /** The knowledge entry id the answer is about. */
  entry?: string;
  /** A facet asked with no entry named: answer across programs. */
  across?: true;
  /** ISO 3166-1 alpha-2 code of a country that is not one of the department's partners. */
  country?: string;
  /** A topic outside the department's remit: the bot should not answer from knowledge/. */
  out_of_scope?: true;
}

export function loadFacetQueries(file: FacetSetFile): FacetQuery[] {
  return parse(readFileSync(new URL(`./${file}`, import.meta.url), "utf8")) as FacetQuery[];
}
