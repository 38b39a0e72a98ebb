/**
 * Announcements: students choose what they hear about (everything, a program,
 * a country) from the menu, /announcements or a card, or answering the question
 * new users are asked once (start.ts). /stop and the button under every
 * announcement (ui/stop-announcements.ts) end them all.
 */
import { Composer, InlineKeyboard } from "grammy";
import { isTopic, topicEntry } from "../../broadcast/audience.js";
import type { KnowledgeBase } from "../../knowledge/load.js";
import type { Entry } from "../../knowledge/schema.js";
import type { Store } from "../../storage/store.js";
import type { Topic } from "../../storage/subscriptions.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { rememberLanguage } from "../locale.js";
import { callback } from "../ui/callback-data.js";
import { homeButton } from "../ui/cards.js";
import { escapeHtml } from "../ui/html.js";
import { keyboardOf, rowsOf } from "../ui/keyboard.js";
import { pageButtons, pageNumber, pageOf } from "../ui/paging.js";
import { staleButton } from "../ui/stale-button.js";
import { reply, show, type View } from "../ui/view.js";

/** Subscribes the user, keeping their Telegram language as theirs (locale.ts: rememberLanguage). */
function subscribe(ctx: BotContext, store: Store, topic: Topic): void {
  if (!ctx.user) return;
  rememberLanguage(ctx, store);
  store.subscriptions.subscribe(ctx.user.id, topic);
}

export function subscriptionsFeature({ store }: Pick<BotDeps, "store">) {
  const feature = new Composer<BotContext>();
  const screen = (ctx: BotContext, page: number) => announcementsView(ctx, new Set(ctx.from ? store.subscriptions.topicsOf(ctx.from.id) : []), page);

  feature.command("announcements", (ctx) => reply(ctx, screen(ctx, 0)));
  feature.callbackQuery(callback.announcements.pattern, (ctx) => show(ctx, screen(ctx, callback.announcements.read(ctx.match).page)));
  feature.callbackQuery(callback.toggleTopic.pattern, async (ctx) => {
    const { page, topic } = callback.toggleTopic.read(ctx.match);
    if (!ctx.from || !isTopic(topic)) return staleButton(ctx);
    // Switching off works even for an entry the department has since removed.
    if (store.subscriptions.topicsOf(ctx.from.id).includes(topic)) store.subscriptions.unsubscribe(ctx.from.id, topic);
    else if (topic === "all" || topicTitle(ctx, topic)) subscribe(ctx, store, topic);
    else return staleButton(ctx);
    await show(ctx, screen(ctx, page));
  });
  feature.callbackQuery(callback.stopAllTopics(), async (ctx) => {
    if (ctx.from) store.subscriptions.unsubscribeAll(ctx.from.id);
    await show(ctx, screen(ctx, 0));
  });

  // From a program's or a country's card: the card stays, a short note confirms.
  feature.callbackQuery(callback.follow.pattern, async (ctx) => {
    const { topic } = callback.follow.read(ctx.match);
    if (!isTopic(topic)) return staleButton(ctx);
    const title = topicTitle(ctx, topic); // none for "all" or a removed entry
    if (!title) return staleButton(ctx);
    subscribe(ctx, store, topic);
    await ctx.answerCallbackQuery({ text: ctx.t("subs-followed", { topic: title }) });
  });

  // The button under an announcement is pressed on a copy the bot did not render: confirm in a new message, never edit it.
  const stop = async (ctx: BotContext) => {
    if (ctx.from) store.subscriptions.unsubscribeAll(ctx.from.id);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await reply(ctx, { html: ctx.t("subs-stopped"), keyboard: keyboardOf([InlineKeyboard.text(ctx.t("subs-choose-again"), callback.announcements())]) });
  };
  feature.command("stop", stop);
  feature.callbackQuery(callback.stopAnnouncements(), stop);

  feature.callbackQuery(callback.announcementsYes(), async (ctx) => {
    subscribe(ctx, store, "all");
    await show(ctx, { html: ctx.t("subs-subscribed-all"), keyboard: keyboardOf([homeButton(ctx)]) });
  });
  feature.callbackQuery(callback.announcementsNo(), (ctx) => show(ctx, { html: ctx.t("subs-declined"), keyboard: keyboardOf([homeButton(ctx)]) }));

  return feature;
}

/** The topics screen's pages: programs (one to a row), then countries (two to a row), a page of ten never mixing them. */
function pagesOf(kb: KnowledgeBase): { kind: "program" | "country"; entries: Entry[] }[] {
  const pages = (kind: "program" | "country") => {
    const entries = kb.entries.filter((e) => e.type === kind);
    return entries.length === 0 ? [] : Array.from({ length: pageOf(entries, 0).pages }, (_, i) => ({ kind, entries: pageOf(entries, i).items }));
  };
  return [...pages("program"), ...pages("country")];
}

function announcementsView(ctx: BotContext, topics: Set<Topic>, requested: number): View {
  const pages = pagesOf(ctx.kb);
  // One page of topics a screen: the screens are a list of pages, a page at a time.
  const screen = pageOf(pages, requested, 1);
  const { index, items: [page] } = screen;
  const toggle = (topic: Topic, label: string) =>
    InlineKeyboard.text(ctx.t(topics.has(topic) ? "subs-on" : "subs-off", { topic: label }), callback.toggleTopic(index, topic));
  const topicButtons = (page?.entries ?? []).map((e) => toggle(`${page!.kind}:${e.id}`, e.title[ctx.lang]));
  // Previous and Next through the pages, and a jump to the other kind's first page.
  const firstOf = (kind: "program" | "country") => pages.findIndex((p) => p.kind === kind);
  const other = page?.kind === "program" ? "country" : "program";
  const jump = firstOf(other) === -1 ? [] : [InlineKeyboard.text(ctx.t(other === "program" ? "menu-programs" : "menu-countries"), callback.announcements(firstOf(other)))];
  const keyboard = keyboardOf(
    [toggle("all", ctx.t("subs-all"))],
    ...rowsOf(topicButtons, page?.kind === "country" ? 2 : 1),
    pageButtons(ctx.t, screen, callback.announcements),
    jump,
    [...(topics.size > 0 ? [InlineKeyboard.text(ctx.t("subs-stop-all"), callback.stopAllTopics())] : []), homeButton(ctx)],
  );
  return { html: [ctx.t("subs-title"), summary(ctx, topics), ctx.t("subs-hint"), ...pageNumber(ctx.t, screen)].join("\n\n"), keyboard };
}

/** What the student hears about now, in words. */
function summary(ctx: BotContext, topics: Set<Topic>): string {
  if (topics.has("all")) return ctx.t("subs-now-all");
  // In the screen's order; entries the department has removed are left out.
  const titles = pagesOf(ctx.kb).flatMap((page) => page.entries.filter((e) => topics.has(`${page.kind}:${e.id}`)).map((e) => e.title[ctx.lang]));
  return titles.length > 0 ? ctx.t("subs-now-some", { topics: escapeHtml(titles.join(", ")) }) : ctx.t("subs-now-none");
}

/** A program's or country's title; undefined for "all" or an entry no longer in the base. */
function topicTitle(ctx: BotContext, topic: Topic): string | undefined {
  const about = topicEntry(topic);
  const entry = about && ctx.kb.byId.get(about.id);
  return entry?.type === about?.kind ? entry?.title[ctx.lang] : undefined;
}
