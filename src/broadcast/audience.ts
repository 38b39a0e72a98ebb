/** The topics students subscribe to (src/storage/subscriptions.ts): made from an entry, read back, checked. */
import type { Topic } from "../storage/subscriptions.js";

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
