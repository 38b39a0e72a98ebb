/** Broadcast storage: one broadcast per message, and resends that never reach anyone twice. */
import { describe, expect, it } from "vitest";
import type { BroadcastDraft } from "../../src/storage/broadcasts.js";
import { openDatabase } from "../../src/storage/database.js";
import { Store } from "../../src/storage/store.js";

const STAFF = 1;
const draft: BroadcastDraft = {
  createdBy: STAFF,
  audience: { topic: "all" },
  sourceChatId: STAFF,
  messageIds: [7],
  scheduledAt: null,
  lang: "en",
  progress: { chatId: STAFF, messageId: 2 },
};

function storeWith(subscribers: number[]): Store {
  const store = new Store(openDatabase(":memory:"));
  for (const id of subscribers) store.users.see({ id, firstName: `S${id}` });
  store.flush();
  store.subscriptions.subscribeMany(subscribers, "all");
  return store;
}

describe("broadcast storage", () => {
  it("makes one broadcast of one message: a confirmation replayed after a crash finds it", () => {
    const store = storeWith([10, 11]);
    const first = store.broadcasts.create(draft);
    expect(store.broadcasts.create(draft)).toBe(first);
    expect(store.broadcasts.recent()).toHaveLength(1);
    expect(store.broadcasts.figures(first).total).toBe(2);
    expect(store.broadcasts.create({ ...draft, messageIds: [8] })).not.toBe(first);
  });

  it("resends to the failed only, never to someone a resend already reached or is reaching, nor to who blocked the bot since", () => {
    const store = storeWith([10, 11, 12, 13]);
    const id = store.broadcasts.create(draft);
    store.broadcasts.settle(id, 10, "sent");
    store.broadcasts.settle(id, 11, "failed", "500");
    store.broadcasts.settle(id, 12, "failed", "500");
    store.broadcasts.settle(id, 13, "failed", "500");
    store.broadcasts.finish(id);
    store.users.setBlocked(13, true);
    const original = store.broadcasts.get(id)!;
    expect(store.broadcasts.resendable(original)).toBe(2);

    const resend = store.broadcasts.createResend(original, STAFF, "en", { chatId: STAFF, messageId: 3 })!;
    expect(store.broadcasts.figures(resend)).toMatchObject({ total: 2, pending: 2 });
    // Pressed again while the first resend is going out: nobody to add.
    expect(store.broadcasts.resendable(original)).toBe(0);
    expect(store.broadcasts.createResend(original, STAFF, "en", { chatId: STAFF, messageId: 4 })).toBeUndefined();

    store.broadcasts.settle(resend, 11, "sent");
    store.broadcasts.settle(resend, 12, "failed", "500");
    store.broadcasts.finish(resend);
    // Later: only the one the resend could not reach either.
    expect(store.broadcasts.resendable(original)).toBe(1);
    const again = store.broadcasts.createResend(original, STAFF, "en", { chatId: STAFF, messageId: 5 })!;
    expect(store.broadcasts.due(again, Date.now(), 0, 10)).toEqual([12]);
    expect(store.broadcasts.recent().map((b) => b.resendOf)).toEqual([id, id, null]);
  });

  it("counts a whole family of resends: a resend of a resend reaches nobody the family reached, and /stop ends it", () => {
    const store = storeWith([10, 11, 12]);
    const first = store.broadcasts.create(draft);
    for (const user of [10, 11, 12]) store.broadcasts.settle(first, user, "failed", "500");
    store.broadcasts.finish(first);
    const second = store.broadcasts.createResend(store.broadcasts.get(first)!, STAFF, "en", { chatId: STAFF, messageId: 3 })!;
    store.broadcasts.settle(second, 10, "sent");
    store.broadcasts.settle(second, 11, "failed", "500");
    store.broadcasts.settle(second, 12, "failed", "500");
    store.broadcasts.finish(second);
    const third = store.broadcasts.createResend(store.broadcasts.get(second)!, STAFF, "en", { chatId: STAFF, messageId: 4 })!;
    expect(store.broadcasts.get(third)!.resendOf).toBe(first); // the family's first
    expect(store.broadcasts.figures(third)).toMatchObject({ total: 2, pending: 2 });
    // While the third goes out, neither the first nor the second offers 11 or 12 again; 10 was reached.
    expect(store.broadcasts.resendable(store.broadcasts.get(first)!)).toBe(0);
    expect(store.broadcasts.resendable(store.broadcasts.get(second)!)).toBe(0);
    // Cancelled with 11 and 12 still pending: they are worth a resend again, unless they said /stop.
    store.broadcasts.cancel(third);
    store.subscriptions.unsubscribeAll(12);
    expect(store.broadcasts.resendable(store.broadcasts.get(first)!)).toBe(1);
  });
});
