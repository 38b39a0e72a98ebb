// The record of answered calls. Unbounded by default (tests read it all); a
// benchmark sending 100k messages keeps only the latest ones, plus per-method
// counters that always count everything.
import type { ApiCall, CallCount } from "./types.js";

export class CallLog {
  private recent: ApiCall[] = [];
  private readonly counts = new Map<string, CallCount>();

  constructor(private readonly max: number | undefined) {
    if (max !== undefined && !(Number.isInteger(max) && max >= 0)) {
      throw new Error(`FakeTelegram: maxRecordedCalls must be a non-negative integer, got ${max}`);
    }
  }

  add(call: ApiCall): void {
    let count = this.counts.get(call.method);
    if (!count) this.counts.set(call.method, (count = { ok: 0, failed: 0 }));
    if (call.ok) count.ok++;
    else if (!call.aborted) count.failed++;
    if (this.max === undefined) {
      this.recent.push(call);
      return;
    }
    if (this.max === 0) return;
    this.recent.push(call);
    // Trimming one by one would move the whole array each time; trim in batches instead.
    if (this.recent.length >= 2 * this.max) this.recent = this.recent.slice(-this.max);
  }

  /** The recorded calls, oldest first: all, or exactly the latest `max`. */
  calls(): ApiCall[] {
    if (this.max !== undefined && this.recent.length > this.max) this.recent.splice(0, this.recent.length - this.max);
    return this.recent;
  }

  countsByMethod(): Record<string, CallCount> {
    const out: Record<string, CallCount> = {};
    for (const [method, count] of this.counts) out[method] = { ...count };
    return out;
  }
}
