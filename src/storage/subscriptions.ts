/**
 * What each student chose to hear about, and who hears an announcement.
 * Students subscribe to topics: "all" (every announcement), a program or a
 * country. An announcement about a topic reaches that topic's subscribers and
 * everyone subscribed to "all"; a general one reaches the "all" subscribers.
 * Either can be narrowed to one language.
 */
import type { Db } from "./database.js";
import type { UiLang } from "./users.js";

/** Built and read by src/broadcast/audience.ts (programTopic, topicEntry, isTopic). */
export type Topic = "all" | `program:${string}` | `country:${string}`;

export interface Audience {
  topic: Topic;
  lang?: UiLang;
}

/**
 * The language announcements reach a subscriber (`u`) in, as languageOfUser
 * decides it: their choice (subscribing keeps their Telegram language as one),
 * else the language guessed from what they typed, else Uzbek.
 */
export const SUBSCRIBER_LANG = `COALESCE(u.lang, u.guessed_lang, 'uz')`;

export class SubscriptionStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      topicsOf: db.prepare<[number], { topic: Topic }>(`SELECT topic FROM subscriptions WHERE user_id = ? ORDER BY topic`),
      subscribe: db.prepare<[number, string, number]>(`INSERT OR IGNORE INTO subscriptions (user_id, topic, created_at) VALUES (?, ?, ?)`),
      unsubscribe: db.prepare<[number, string]>(`DELETE FROM subscriptions WHERE user_id = ? AND topic = ?`),
      unsubscribeAll: db.prepare<[number]>(`DELETE FROM subscriptions WHERE user_id = ?`),
      withdrawPending: db.prepare<[number]>(`DELETE FROM broadcast_recipients WHERE user_id = ? AND status = 'pending'`),
      countByTopic: db.prepare<[], { topic: Topic; count: number }>(`
        SELECT s.topic, COUNT(*) AS count FROM subscriptions s JOIN users u ON u.id = s.user_id
        WHERE u.blocked = 0 GROUP BY s.topic ORDER BY count DESC, s.topic`),
      countAudience: db.prepare<{ topic: string; lang: string | null }, { count: number }>(`
        SELECT COUNT(DISTINCT s.user_id) AS count FROM subscriptions s JOIN users u ON u.id = s.user_id
        WHERE u.blocked = 0 AND (s.topic = 'all' OR s.topic = :topic) AND (:lang IS NULL OR ${SUBSCRIBER_LANG} = :lang)`),
    };
  }

  topicsOf(userId: number): Topic[] {
    return this.statements.topicsOf.all(userId).map((row) => row.topic);
  }

  subscribe(userId: number, topic: Topic, now = Date.now()): void {
    this.statements.subscribe.run(userId, topic, now);
  }

  /** Many users at once, in one transaction (an import, the broadcast benchmark). */
  subscribeMany(userIds: readonly number[], topic: Topic, now = Date.now()): void {
    this.db.transaction(() => userIds.forEach((id) => this.statements.subscribe.run(id, topic, now)))();
  }

  unsubscribe(userId: number, topic: Topic): void {
    this.statements.unsubscribe.run(userId, topic);
  }

  /**
   * Stops everything: the topics, and the announcements still on their way to
   * this user (a broadcast going out now, or scheduled). Returns how many
   * topics the user had.
   */
  unsubscribeAll(userId: number): number {
    return this.db.transaction(() => {
      this.statements.withdrawPending.run(userId);
      return this.statements.unsubscribeAll.run(userId).changes;
    })();
  }

  /** Active (not blocked) subscribers per topic. */
  countByTopic(): { topic: Topic; count: number }[] {
    return this.statements.countByTopic.all();
  }

  /** How many active users an announcement to this audience reaches now. */
  countAudience(audience: Audience): number {
    return this.statements.countAudience.get({ topic: audience.topic, lang: audience.lang ?? null })!.count;
  }
}
