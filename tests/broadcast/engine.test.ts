/** The delivery engine against a scripted courier: outcomes, limits, pause and resume, and what a crash leaves. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { BroadcastEngine, type Courier, type DeliveryResult, type Progress, type Reporter } from "../../src/broadcast/engine.js";
import type { Broadcast, BroadcastDraft, DeliveryFigures } from "../../src/storage/broadcasts.js";
import { openDatabase } from "../../src/storage/database.js";
import { Store } from "../../src/storage/store.js";
import { eventually } from "../bot/harness.js";

const STAFF = 1;

function storeWithSubscribers(count: number, db = openDatabase(":memory:")): Store {
  const store = new Store(db);
  for (let id = 100; id < 100 + count; id++) {
    store.users.see({ id, firstName: `S${id}` });
  }
  store.flush();
  for (let id = 100; id < 100 + count; id++) store.subscriptions.subscribe(id, "all");
  return store;
}

/** A broadcast of message `messageId` to everyone subscribed, sent now. */
const draft = (messageId = 7): BroadcastDraft => ({
  createdBy: STAFF,
  audience: { topic: "all" },
  sourceChatId: STAFF,
  messageIds: [messageId],
  scheduledAt: null,
  lang: "en",
  progress: { chatId: STAFF, messageId: 1 },
});

const newBroadcast = (store: Store): number => store.broadcasts.create(draft());

/** A courier answering from a script; records every attempt with its time. */
function scriptedCourier(answer: (userId: number, attempt: number) => DeliveryResult | Promise<DeliveryResult> = () => ({ ok: true }), reachable: () => boolean = () => true) {
  const attempts: { userId: number; at: number }[] = [];
  const courier: Courier = {
    async deliver(_b: Broadcast, userId: number) {
      attempts.push({ userId, at: Date.now() });
      return answer(userId, attempts.filter((a) => a.userId === userId).length);
    },
    reachable: async () => reachable(),
  };
  return { courier, attempts };
}

function recordingReporter(finalAnswers: boolean[] = []) {
  const reports: { status: Broadcast["status"]; problem: Broadcast["problem"]; progress: Progress }[] = [];
  const finals: { id: number; figures: DeliveryFigures; at: number }[] = [];
  const reporter: Reporter = {
    progress: async (b, progress) => void reports.push({ status: b.status, problem: b.problem, progress }),
    final: async (b, figures) => {
      finals.push({ id: b.id, figures, at: Date.now() });
      return finalAnswers.shift() ?? true;
    },
  };
  return { reports, finals, reporter };
}

let engines: BroadcastEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.map((e) => e.stop()));
  engines = [];
});
function engineFor(store: Store, courier: Courier, options: { rate?: number; reporter?: Reporter; blocked?: number[]; now?: () => number } = {}) {
  const engine = new BroadcastEngine({
    broadcasts: store.broadcasts,
    markBlocked: (id) => {
      options.blocked?.push(id);
      store.users.setBlocked(id, true);
    },
    courier,
    reporter: options.reporter ?? recordingReporter().reporter,
    rate: options.rate ?? 1000,
    progressEveryMs: 50,
    ...(options.now ? { now: options.now } : {}),
  });
  engines.push(engine);
  engine.start();
  return engine;
}

describe("the delivery engine", () => {
  it("delivers to every recipient once and finishes with a final report", async () => {
    const store = storeWithSubscribers(300);
    const id = newBroadcast(store);
    const { courier, attempts } = scriptedCourier();
    const { reporter, reports, finals } = recordingReporter();
    engineFor(store, courier, { reporter });
    await eventually(() => store.broadcasts.get(id)!.status === "done", 5000);
    expect(new Set(attempts.map((a) => a.userId)).size).toBe(300);
    expect(attempts).toHaveLength(300);
    expect(store.broadcasts.figures(id)).toEqual({ total: 300, pending: 0, sent: 300, failed: 0, blocked: 0 });
    await eventually(() => finals.length === 1);
    expect(reports.at(-1)).toMatchObject({ status: "done", progress: { figures: { sent: 300 } } });
    expect(finals[0]!.figures.sent).toBe(300);
    expect(store.broadcasts.unreported()).toEqual([]);
  });

  it("keeps to the rate: no more sends in any second than the limit allows", async () => {
    const store = storeWithSubscribers(120);
    const id = newBroadcast(store);
    const { courier, attempts } = scriptedCourier();
    const started = Date.now();
    engineFor(store, courier, { rate: 100 });
    await eventually(() => store.broadcasts.get(id)!.status === "done", 5000);
    const seconds = (attempts.at(-1)!.at - started) / 1000;
    // 120 sends at 100/s take at least a second (a burst of 5 at the start).
    expect(seconds).toBeGreaterThan(1.0);
    for (const a of attempts) {
      const inWindow = attempts.filter((b) => b.at >= a.at && b.at < a.at + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(100 + 5);
    }
  });

  it("marks 403s and 400 \"chat not found\" blocked (and the user inactive), fails other 400s at once, retries 5xx and network errors, then gives up", async () => {
    const store = storeWithSubscribers(6);
    const id = newBroadcast(store);
    const blocked: number[] = [];
    const { courier, attempts } = scriptedCourier((userId, attempt) => {
      if (userId === 100) return { ok: false, error: { errorCode: 403, description: "Forbidden: bot was blocked by the user" } };
      if (userId === 101) return { ok: false, error: { errorCode: 400, description: "Bad Request: message is too long" } };
      if (userId === 104) return { ok: false, error: { errorCode: 400, description: "Bad Request: chat not found" } };
      if (userId === 102 && attempt === 1) return { ok: false, error: { errorCode: 502, description: "Bad Gateway" } };
      if (userId === 103 && attempt === 1) return { ok: false, error: { description: "read ECONNRESET" } };
      return { ok: true };
    });
    engineFor(store, courier, { blocked });
    await eventually(() => store.broadcasts.get(id)!.status === "done", 5000);
    expect(store.broadcasts.figures(id)).toMatchObject({ sent: 3, blocked: 2, failed: 1, pending: 0 });
    expect(blocked.sort()).toEqual([100, 104]);
    expect(store.users.get(104)!.blocked).toBe(true);
    expect(attempts.filter((a) => a.userId === 104)).toHaveLength(1); // never retried
    expect(store.users.get(100)!.blocked).toBe(true);
    expect(attempts.filter((a) => a.userId === 100)).toHaveLength(1); // never retried
    expect(attempts.filter((a) => a.userId === 101)).toHaveLength(1);
    const retried = attempts.filter((a) => a.userId === 102);
    expect(retried).toHaveLength(2);
    expect(retried[1]!.at - retried[0]!.at).toBeGreaterThanOrEqual(900); // backed off about a second
  });

  it("marks a 403 \"bot can't initiate conversation\" (a subscriber who never started the bot) blocked at once, never retried, keeping Telegram's reason", async () => {
    const db = openDatabase(":memory:");
    const store = storeWithSubscribers(2, db);
    const id = newBroadcast(store);
    const blocked: number[] = [];
    const description = "Forbidden: bot can't initiate conversation with a user";
    const { courier, attempts } = scriptedCourier((userId) => (userId === 100 ? { ok: false, error: { errorCode: 403, description } } : { ok: true }));
    engineFor(store, courier, { blocked });
    await eventually(() => store.broadcasts.get(id)!.status === "done", 5000);
    expect(store.broadcasts.figures(id)).toMatchObject({ sent: 1, blocked: 1, failed: 0, pending: 0 });
    expect(blocked).toEqual([100]);
    expect(store.users.get(100)!.blocked).toBe(true);
    expect(attempts.filter((a) => a.userId === 100)).toHaveLength(1);
    expect(db.prepare("SELECT status, error FROM broadcast_recipients WHERE broadcast_id = ? AND user_id = 100").get(id)).toEqual({
      status: "blocked",
      error: `403 ${description}`,
    });
  });

  it("holds every send for a 429's retry_after, not only the chat that got it, and loses nobody", async () => {
    // On a fake clock (Date and timers): 100 recipients at 50/s take 2 s, so the 5 s hold is the only thing that can keep the other 90 waiting.
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    try {
      const store = storeWithSubscribers(100);
      const id = newBroadcast(store);
      let limitedAt: number | undefined;
      const { courier, attempts } = scriptedCourier((userId) => {
        if (userId !== 110 || limitedAt !== undefined) return { ok: true };
        limitedAt = Date.now();
        return { ok: false, error: { errorCode: 429, description: "Too Many Requests: retry after 5", retryAfterSeconds: 5 } };
      });
      const engine = engineFor(store, courier, { rate: 50, now: () => Date.now() });
      for (let step = 0; step < 200 && store.broadcasts.get(id)!.status !== "done"; step++) await vi.advanceTimersByTimeAsync(100);
      expect(store.broadcasts.figures(id)).toMatchObject({ sent: 100, pending: 0 });
      expect(attempts).toHaveLength(101);
      // Sends that left at the very moment of the 429 aside, nobody got anything for the 5 seconds Telegram asked for.
      expect(attempts.filter((a) => a.at > limitedAt! && a.at < limitedAt! + 5000)).toEqual([]);
      const after = attempts.filter((a) => a.at >= limitedAt! + 5000);
      expect(after.length).toBeGreaterThanOrEqual(80);
      expect(after[0]!.userId).toBe(110); // the one told to wait goes first
      const stopping = engine.stop();
      await vi.advanceTimersByTimeAsync(1000);
      await stopping;
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives up on a passing failure after five attempts", async () => {
    const store = storeWithSubscribers(1);
    const id = newBroadcast(store);
    const { courier, attempts } = scriptedCourier(() => ({ ok: false, error: { errorCode: 500, description: "Internal Server Error" } }));
    // Shorten the wait: each retry is due as soon as it is recorded.
    const defer = store.broadcasts.deferTo.bind(store.broadcasts);
    store.broadcasts.deferTo = (b, u) => defer(b, u, 0);
    engineFor(store, courier);
    await eventually(() => store.broadcasts.get(id)!.status === "done", 5000);
    expect(attempts).toHaveLength(5);
    expect(store.broadcasts.figures(id)).toMatchObject({ failed: 1 });
  });

  it("pauses and resumes: nothing is sent while paused, and the rest goes after", async () => {
    const store = storeWithSubscribers(200);
    const id = newBroadcast(store);
    const { courier, attempts } = scriptedCourier();
    const engine = engineFor(store, courier, { rate: 200 });
    await eventually(() => attempts.length >= 20);
    store.broadcasts.transition(id, "running", "paused");
    const pausedAt = Date.now();
    engine.wake();
    await new Promise((r) => setTimeout(r, 300)); // in-flight sends settle
    // Nothing new goes out once paused, not even until the next look at the statuses.
    expect(attempts.filter((a) => a.at > pausedAt + 5)).toEqual([]);
    const atPause = attempts.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(attempts.length).toBe(atPause);
    expect(store.broadcasts.figures(id).pending).toBe(200 - atPause);
    store.broadcasts.transition(id, "paused", "running");
    engine.wake();
    await eventually(() => store.broadcasts.get(id)!.status === "done", 5000);
    expect(new Set(attempts.map((a) => a.userId)).size).toBe(200);
    expect(attempts).toHaveLength(200);
  });

  it("stops cleanly midway and a new engine on the same database finishes without doubling anyone", async () => {
    const store = storeWithSubscribers(150);
    const id = newBroadcast(store);
    const { courier, attempts } = scriptedCourier();
    const first = engineFor(store, courier, { rate: 300 });
    await eventually(() => attempts.length >= 50);
    await first.stop();
    engineFor(store, courier, { rate: 1000 });
    await eventually(() => store.broadcasts.get(id)!.status === "done", 5000);
    expect(attempts).toHaveLength(150);
    expect(new Set(attempts.map((a) => a.userId)).size).toBe(150);
  });

  it("pauses by itself when the message to copy was deleted, instead of failing everyone", async () => {
    const store = storeWithSubscribers(50);
    const id = newBroadcast(store);
    const { courier } = scriptedCourier(() => ({ ok: false, error: { errorCode: 400, description: "Bad Request: message to copy not found" } }));
    const { reporter, reports } = recordingReporter();
    engineFor(store, courier, { reporter });
    await eventually(() => store.broadcasts.get(id)!.status === "paused", 5000);
    expect(store.broadcasts.figures(id)).toMatchObject({ failed: 0, pending: 50 });
    expect(store.broadcasts.get(id)!.problem).toBe("source-missing");
    await eventually(() => reports.some((r) => r.problem === "source-missing"));
    // Resumed by staff, the problem is forgotten.
    store.broadcasts.transition(id, "paused", "running");
    expect(store.broadcasts.get(id)!.problem).toBeNull();
  });

  it("starts a scheduled broadcast once, when it is due", async () => {
    const store = storeWithSubscribers(5);
    const id = store.broadcasts.create({ ...draft(), scheduledAt: Date.now() + 300 });
    const { courier, attempts } = scriptedCourier();
    engineFor(store, courier);
    await new Promise((r) => setTimeout(r, 100));
    expect(attempts).toHaveLength(0);
    await eventually(() => store.broadcasts.get(id)!.status === "done", 5000);
    expect(attempts).toHaveLength(5);
    expect(store.broadcasts.startScheduled(id)).toBe(false);
  });

  it("waits out an outage without using up anyone's attempts", async () => {
    const store = storeWithSubscribers(30);
    const id = newBroadcast(store);
    const downUntil = Date.now() + 6000;
    const down = () => Date.now() < downUntil;
    const { courier, attempts } = scriptedCourier(() => (down() ? { ok: false, error: { description: "connect ECONNREFUSED" } } : { ok: true }), () => !down());
    // No backoff between a student's attempts: counted ones, six seconds down would use up all five (one a second, per chat).
    const defer = store.broadcasts.deferTo.bind(store.broadcasts);
    store.broadcasts.deferTo = (b, u) => defer(b, u, 0);
    engineFor(store, courier);
    await eventually(() => store.broadcasts.get(id)!.status === "done", 20_000);
    expect(store.broadcasts.figures(id)).toMatchObject({ sent: 30, failed: 0 });
    expect(attempts.filter((a) => a.at < downUntil).length).toBeGreaterThan(3); // it was tried during the outage
  }, 30_000);

  it("finishes when the last few students keep failing while Telegram answers: they end failed, after five attempts", async () => {
    const store = storeWithSubscribers(6);
    const id = newBroadcast(store);
    const stuck = new Set([101, 103, 105]);
    const { courier, attempts } = scriptedCourier((userId) => (stuck.has(userId) ? { ok: false, error: { errorCode: 502, description: "Bad Gateway" } } : { ok: true }));
    const defer = store.broadcasts.deferTo.bind(store.broadcasts);
    store.broadcasts.deferTo = (b, u) => defer(b, u, 0); // no backoff wait: the test is about counting
    engineFor(store, courier);
    await eventually(() => store.broadcasts.get(id)!.status === "done", 20_000);
    expect(store.broadcasts.figures(id)).toMatchObject({ sent: 3, failed: 3 });
    for (const user of stuck) expect(attempts.filter((a) => a.userId === user)).toHaveLength(5);
  }, 30_000);

  it("pauses, saying why, when Telegram refuses the bot itself (401)", async () => {
    const store = storeWithSubscribers(200);
    const id = newBroadcast(store);
    const { courier, attempts } = scriptedCourier(() => ({ ok: false, error: { errorCode: 401, description: "Unauthorized" } }));
    const { reporter, reports } = recordingReporter();
    engineFor(store, courier, { reporter });
    // The card says "paused" once the engine has let go of the broadcast: whatever it sent is sent by then.
    await eventually(() => reports.some((r) => r.status === "paused"));
    expect(store.broadcasts.get(id)!.problem).toBe("bot-rejected");
    expect(store.broadcasts.figures(id)).toMatchObject({ pending: 200, failed: 0 });
    expect(attempts.length).toBeLessThanOrEqual(20); // the sends in flight at 1,000/s (concurrencyFor(1000)), not the 200
  });

  it("starts a scheduled broadcast on time while another is going out, and keeps one message per second per chat", async () => {
    const store = storeWithSubscribers(60);
    const long = newBroadcast(store);
    const scheduled = store.broadcasts.create({ ...draft(8), scheduledAt: Date.now() + 400 });
    const { courier, attempts } = scriptedCourier();
    const sends: { broadcast: number; at: number }[] = [];
    const tagged: Courier = { ...courier, deliver: (b, u) => (sends.push({ broadcast: b.id, at: Date.now() }), courier.deliver(b, u)) };
    engineFor(store, tagged, { rate: 30 });
    await eventually(() => store.broadcasts.get(long)!.status === "done" && store.broadcasts.get(scheduled)!.status === "done", 15_000);
    const of = (id: number) => sends.filter((s) => s.broadcast === id);
    expect(of(scheduled)).toHaveLength(60);
    // The scheduled one did not wait for the long one to finish: they took turns.
    expect(of(scheduled)[0]!.at).toBeLessThan(of(long).at(-1)!.at - 500);
    for (let user = 100; user < 160; user++) {
      const times = attempts.filter((a) => a.userId === user).map((a) => a.at);
      expect(times).toHaveLength(2);
      expect(Math.abs(times[1]! - times[0]!)).toBeGreaterThanOrEqual(990);
    }
  }, 20_000);

  it("tries a final report again until it goes out, and marks it sent once", async () => {
    const store = storeWithSubscribers(3);
    const id = newBroadcast(store);
    const { courier } = scriptedCourier();
    const { reporter, finals } = recordingReporter([false, true]);
    engineFor(store, courier, { reporter });
    await eventually(() => finals.length === 2, 10_000);
    expect(store.broadcasts.unreported()).toEqual([]);
    await new Promise((r) => setTimeout(r, 1200));
    expect(finals).toHaveLength(2);
    expect(finals[1]!.at - finals[0]!.at).toBeGreaterThanOrEqual(4900);
    expect(finals.map((f) => f.id)).toEqual([id, id]);
  }, 15_000);

  it("stops at once during Telegram's retry-after, leaving the rest pending", async () => {
    const store = storeWithSubscribers(10);
    const id = newBroadcast(store);
    const { courier } = scriptedCourier(() => ({ ok: false, error: { errorCode: 429, description: "Too Many Requests: retry after 30", retryAfterSeconds: 30 } }));
    const engine = engineFor(store, courier);
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    await engine.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(store.broadcasts.figures(id).pending).toBe(10);
  });

  it("keeps at most 20 sends awaiting Telegram's answer at once at 1,000/s (concurrencyFor): the most a crash can double", async () => {
    const store = storeWithSubscribers(200);
    const id = newBroadcast(store);
    let awaiting = 0;
    let most = 0;
    const { courier } = scriptedCourier(async () => {
      most = Math.max(most, ++awaiting);
      await new Promise((r) => setTimeout(r, 100)); // Telegram taking 100 ms to answer each
      awaiting--;
      return { ok: true };
    });
    engineFor(store, courier, { rate: 1000 });
    await eventually(() => store.broadcasts.get(id)!.status === "done", 10_000);
    expect(store.broadcasts.figures(id)).toMatchObject({ sent: 200, pending: 0 });
    expect(most).toBeGreaterThan(1); // sends do overlap
    // concurrencyFor(1000): enough for answers within 20 ms at 1,000/s. Without a bound, 100 would be awaiting here.
    expect(most).toBeLessThanOrEqual(20);
  });

  it("tries nobody after a 401 that Telegram took a while to answer: only the sends already on their way were made", async () => {
    const store = storeWithSubscribers(200);
    const id = newBroadcast(store);
    let triedBeforeRefusal: number | undefined;
    const { courier, attempts } = scriptedCourier(async () => {
      await new Promise((r) => setTimeout(r, 100));
      triedBeforeRefusal ??= attempts.length;
      return { ok: false, error: { errorCode: 401, description: "Unauthorized" } };
    });
    const { reporter, reports } = recordingReporter();
    engineFor(store, courier, { reporter });
    await eventually(() => reports.some((r) => r.status === "paused"));
    expect(store.broadcasts.get(id)!.problem).toBe("bot-rejected");
    expect(store.broadcasts.figures(id)).toMatchObject({ pending: 200, failed: 0 });
    expect(attempts.length).toBe(triedBeforeRefusal);
    expect(attempts.length).toBeLessThanOrEqual(20); // concurrencyFor(1000), not the 100 that 100 ms at 1,000/s would allow
  });

  it("pauses on a 404 too (a wrong TELEGRAM_API_ROOT), saying why, instead of failing everyone", async () => {
    const store = storeWithSubscribers(50);
    const id = newBroadcast(store);
    const { courier } = scriptedCourier(() => ({ ok: false, error: { errorCode: 404, description: "Not Found" } }));
    const { reporter, reports } = recordingReporter();
    engineFor(store, courier, { reporter });
    await eventually(() => reports.some((r) => r.status === "paused"));
    expect(store.broadcasts.get(id)!.problem).toBe("bot-rejected");
    expect(store.broadcasts.figures(id)).toMatchObject({ pending: 50, failed: 0 });
  });

  it("sends nothing to a student who said /stop after the broadcast began, though already fetched to be sent", async () => {
    const store = storeWithSubscribers(60);
    const id = newBroadcast(store);
    const { courier, attempts } = scriptedCourier();
    engineFor(store, courier, { rate: 30 });
    await eventually(() => attempts.length >= 5);
    store.subscriptions.unsubscribeAll(150); // /stop
    await eventually(() => store.broadcasts.get(id)!.status === "done", 10_000);
    expect(attempts.filter((a) => a.userId === 150)).toEqual([]);
    expect(attempts).toHaveLength(59);
  });

  it("waits longer before each try at a chat that keeps failing (1 s, 2 s, 4 s), so a few seconds' trouble costs nobody the announcement", async () => {
    const store = storeWithSubscribers(1);
    const id = newBroadcast(store);
    const troubleUntil = Date.now() + 5000;
    const { courier, attempts } = scriptedCourier(() => (Date.now() < troubleUntil ? { ok: false, error: { errorCode: 502, description: "Bad Gateway" } } : { ok: true }));
    engineFor(store, courier);
    await eventually(() => store.broadcasts.get(id)!.status === "done", 15_000);
    expect(store.broadcasts.figures(id)).toMatchObject({ sent: 1, failed: 0 });
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    expect(gaps[2]).toBeGreaterThanOrEqual(3900);
  }, 20_000);

  it("counts every message of an album against the rate", async () => {
    const store = storeWithSubscribers(60);
    const id = store.broadcasts.create({ ...draft(), messageIds: [7, 8, 9] });
    const { courier, attempts } = scriptedCourier();
    const started = Date.now();
    engineFor(store, courier, { rate: 90 });
    await eventually(() => store.broadcasts.get(id)!.status === "done", 10_000);
    // 180 messages at 90 a second take two seconds, not the one second 60 deliveries would.
    expect(attempts.at(-1)!.at - started).toBeGreaterThan(1500);
    for (const a of attempts) {
      const inWindow = attempts.filter((b) => b.at >= a.at && b.at < a.at + 1000).length;
      expect(inWindow * 3).toBeLessThanOrEqual(90 + 10);
    }
  });
});
