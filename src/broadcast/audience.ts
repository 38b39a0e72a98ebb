/**
 * Who hears an announcement. Students subscribe to topics: "all" (every
 * announcement), a program or a country. An announcement about a topic
 * reaches that topic's subscribers and everyone subscribed to "all"; a
 * general one reaches the "all" subscribers. Either can be narrowed to one
 * language.
 */
import type { UiLang } from "../storage/store.js";

export type Topic = "all" | `program:${string}` | `country:${string}`;

export interface Audience {
  topic: Topic;
  lang?: UiLang;
}

export const programTopic = (id: string): Topic => `program:${id}`;
export const countryTopic = (id: string): Topic => `country:${id}`;

/** The entry a topic is about, or undefined for "all". */
export function topicEntry(topic: Topic): { kind: "program" | "country"; id: string } | undefined {
  const [kind, id] = topic.split(":") as [string, string | undefined];
  return (kind === "program" || kind === "country") && id ? { kind, id } : undefined;
}

export function isTopic(value: string): value is Topic {
  return value === "all" || /^(program|country):[a-z0-9-]+$/.test(value);
}
