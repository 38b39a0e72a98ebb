// Deliberate failures (429 floods, 5xx, connection resets, slowness) so tests
// can prove the bot survives what Telegram does on a bad day.
import { seededRandom } from "../seeded-random.js";
import type { FaultRule } from "./types.js";

interface ActiveRule {
  rule: FaultRule;
  method: string | undefined; // lower-cased
  remaining: number | undefined;
}

export class Faults {
  private rules: ActiveRule[] = [];
  private readonly random: () => number;

  /** `seed` drives every `probability`: the same seed and the same calls hit the same faults. */
  constructor(readonly seed: number) {
    this.random = seededRandom(seed);
  }

  add(rule: FaultRule): () => void {
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
      throw new Error(`FakeTelegram.injectFault: probability must be within 0..1, got ${rule.probability}`);
    }
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
      throw new Error(`FakeTelegram.injectFault: times must be a positive integer, got ${rule.times}`);
    }
    const active: ActiveRule = { rule: { ...rule }, method: rule.method?.toLowerCase(), remaining: rule.times };
    this.rules.push(active);
    return () => {
      this.rules = this.rules.filter((r) => r !== active);
    };
  }

  /**
   * The first rule hitting this call, consuming one of its `times`. Rules
   * without a method skip getUpdates: failing long polls would only make
   * grammY sleep, which tests rarely mean.
   */
  match(method: string, chatId: number | undefined): FaultRule | undefined {
    const m = method.toLowerCase();
    for (const active of this.rules) {
      const { rule } = active;
      if (active.method === undefined ? m === "getupdates" : active.method !== m) continue;
      if (rule.chatId !== undefined && rule.chatId !== chatId) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      if (active.remaining !== undefined && --active.remaining <= 0) {
        this.rules = this.rules.filter((r) => r !== active);
      }
      return rule;
    }
    return undefined;
  }
}
