/**
 * How a broadcast looks to staff: its audience, its status and figures, and
 * the buttons that control it. Shared by the live progress message (the
 * engine's reporter), /broadcasts and the control buttons.
 */
import { InlineKeyboard } from "grammy";
import { topicEntry } from "../../../broadcast/audience.js";
import type { Progress } from "../../../broadcast/engine.js";
import { formatTashkentMoment } from "../../../time/dates.js";
import type { Broadcast, BroadcastStore, DeliveryFigures } from "../../../storage/broadcasts.js";
import type { Audience } from "../../../storage/subscriptions.js";
import type { BotContext } from "../../context.js";
import type { Reader } from "../../locale.js";
import { callback } from "../../ui/callback-data.js";
import { bold, escapeHtml } from "../../ui/html.js";
import { keyboardOf } from "../../ui/keyboard.js";
import type { View } from "../../ui/view.js";

type T = BotContext["t"];


/** "All subscribers", "Subscribers of KOICA", narrowed to a language if chosen. */
export function audienceLabel({ t, kb, lang }: Reader, audience: Audience): string {
  const entry = topicEntry(audience.topic);
  const title = entry ? (kb.byId.get(entry.id)?.title[lang] ?? entry.id) : undefined;
  const who = title ? t("bc-audience-topic", { title }) : t("bc-audience-all");
  return audience.lang ? `${who}, ${t(`language-name-${audience.lang}`)}` : who;
}

function statusLine({ t, uiLang }: Reader, broadcast: Broadcast): string {
  switch (broadcast.status) {
    case "scheduled":
      return t("bc-status-scheduled", { time: formatTashkentMoment(broadcast.scheduledAt ?? 0, uiLang) });
    case "running":
      return t("bc-status-running");
    case "paused":
      return t(broadcast.problem === "source-missing" ? "bc-status-source-missing" : broadcast.problem === "bot-rejected" ? "bc-status-bot-rejected" : "bc-status-paused");
    case "cancelled":
      return t("bc-status-cancelled");
    case "done":
      return t("bc-status-done");
  }
}

function figuresLines(t: T, figures: DeliveryFigures, etaMs?: number): string {
  const lines = [
    t("bc-figure-sent", { count: figures.sent }),
    t("bc-figure-blocked", { count: figures.blocked }),
    t("bc-figure-failed", { count: figures.failed }),
    t("bc-figure-remaining", { count: figures.pending }),
  ];
  if (etaMs !== undefined && figures.pending > 0) lines.push(t("bc-eta", { minutes: Math.max(1, Math.ceil(etaMs / 60_000)) }));
  return lines.join("\n");
}

/** A broadcast's card: what, to whom, how far; with the buttons its status allows. */
/** What a broadcast's card shows: the engine's progress, and for one that is over, how many a resend would reach. */
export interface CardFigures extends Progress {
  resendable?: number;
}

/** The figures of a broadcast's card, read now. */
export function cardFigures(broadcasts: BroadcastStore, broadcast: Broadcast, etaMs?: number): CardFigures {
  const over = broadcast.status === "done" || broadcast.status === "cancelled";
  return { figures: broadcasts.figures(broadcast.id), ...(etaMs !== undefined ? { etaMs } : {}), ...(over ? { resendable: broadcasts.resendable(broadcast) } : {}) };
}

export function broadcastView(reader: Reader, broadcast: Broadcast, progress: CardFigures): View {
  const { t } = reader;
  const header = bold(t("bc-title", { id: broadcast.id }));
  const audience = escapeHtml(t("bc-to", { audience: audienceLabel(reader, broadcast.audience) }));
  const html = [header, audience, escapeHtml(statusLine(reader, broadcast)), escapeHtml(figuresLines(t, progress.figures, progress.etaMs))].join("\n\n");
  return { html, keyboard: controls(t, broadcast, progress.resendable ?? 0) };
}

function controls(t: T, broadcast: Broadcast, resendable: number): InlineKeyboard {
  const id = broadcast.id;
  const cancel = InlineKeyboard.text(t("bc-button-cancel"), callback.broadcast("cancel", id));
  switch (broadcast.status) {
    case "scheduled":
      return keyboardOf([cancel]);
    case "running":
      return keyboardOf([InlineKeyboard.text(t("bc-button-pause"), callback.broadcast("pause", id)), cancel]);
    case "paused":
      return keyboardOf([InlineKeyboard.text(t("bc-button-resume"), callback.broadcast("resume", id)), cancel]);
    case "done":
    case "cancelled":
      return keyboardOf(resendable > 0 ? [InlineKeyboard.text(t("bc-button-resend", { count: resendable }), callback.broadcast("resend", id))] : []);
  }
}

/** The report sent once a broadcast is over (a new message, so the staff member is notified). */
export function finalReport(t: T, broadcast: Broadcast, figures: DeliveryFigures): string {
  const minutes = broadcast.startedAt && broadcast.finishedAt ? Math.max(1, Math.round((broadcast.finishedAt - broadcast.startedAt) / 60_000)) : 0;
  const key = broadcast.status === "cancelled" ? "bc-report-cancelled" : "bc-report-done";
  return escapeHtml([t(key, { id: broadcast.id, minutes }), figuresLines(t, figures)].join("\n"));
}
