/**
 * The bot learns. Every query search could not answer confidently is logged
 * (answers.ts, by store.learning.logUnconfident); /unanswered shows the most
 * asked ones, near-duplicates grouped, and with two taps a staff member
 * attaches one to the entry that should have answered it: the wordings the
 * picker showed (never one sent after it opened) become learned aliases of
 * that entry, the search index is rebuilt at once, and the group is marked
 * resolved.
 * `npm run kb:export-aliases` writes the aliases into the files.
 */
import { Composer, InlineKeyboard } from "grammy";
import { sameAlias, type LearnedAlias } from "../../knowledge/learned-aliases.js";
import { groupQueries } from "../../search/group-queries.js";
import type { OpenForm } from "../../storage/learning.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { callback } from "../ui/callback-data.js";
import { homeButton } from "../ui/cards.js";
import { escapeHtml } from "../ui/html.js";
import { keyboardOf } from "../ui/keyboard.js";
import { pageButtons, pageOf } from "../ui/paging.js";
import { reply, show, type View } from "../ui/view.js";
import { excerpt } from "../ui/excerpt.js";

/** The most asked forms grouped for /unanswered (grouping compares every pair). */
const FORMS_CONSIDERED = 300;
const GROUPS_SHOWN = 10;
const SEARCH_GUESSES = 5;
/** Wordings of one group learned as aliases: the most asked ones. */
const MAX_ALIASES = 5;
const BUTTON_QUERY_LENGTH = 40;


export function unansweredFeature({ store, catalog, settings }: Pick<BotDeps, "store" | "catalog" | "settings">) {
  const feature = new Composer<BotContext>();

  /** The group (all its forms, most asked first) of a logged query, unless it was resolved meanwhile. */
  function groupOf(id: number): OpenForm[] | undefined {
    const logged = store.learning.get(id);
    if (!logged || logged.resolved) return undefined;
    const group = groupQueries(store.learning.openForms(FORMS_CONSIDERED)).find((forms) => forms.some((f) => f.normalized === logged.normalized));
    return group ?? [{ id, query: logged.query, lang: logged.lang, normalized: logged.normalized, count: 1 }];
  }

  function listView(ctx: BotContext): View {
    const total = store.learning.countOpen();
    if (total === 0) return { html: ctx.t("unanswered-none"), keyboard: keyboardOf([homeButton(ctx)]) };
    const groups = groupQueries(store.learning.openForms(FORMS_CONSIDERED)).slice(0, GROUPS_SHOWN);
    const lines = groups.map((forms, i) => {
      const [top, ...others] = forms;
      const count = forms.reduce((sum, f) => sum + f.count, 0);
      const line = ctx.t("unanswered-item", { rank: i + 1, query: escapeHtml(top!.query), count });
      return others.length > 0 ? `${line} ${ctx.t("unanswered-variants", { count: forms.length })}` : line;
    });
    const buttons = groups.map((forms, i) => [
      InlineKeyboard.text(`${i + 1}. ${excerpt(forms[0]!.query, BUTTON_QUERY_LENGTH)} (${forms.reduce((sum, f) => sum + f.count, 0)})`, callback.unansweredGroup(forms[0]!.id, 0)),
    ]);
    return { html: [ctx.t("unanswered-title", { count: total }), ...lines].join("\n"), keyboard: keyboardOf(...buttons, [homeButton(ctx)]) };
  }

  /** Which entry should have answered: the search's guesses first, then every entry, a page at a time. */
  function pickerView(ctx: BotContext, picker: number, forms: OpenForm[], requested: number): View {
    const [top] = forms as [OpenForm, ...OpenForm[]];
    const { kb } = ctx;
    const guesses = catalog.search(top.query, { limit: SEARCH_GUESSES, minScore: 0 }).results.map((hit) => hit.id);
    const ids = [...guesses, ...kb.entries.map((e) => e.id).filter((id) => !guesses.includes(id))];
    const page = pageOf(ids, requested);
    const entryButtons = page.items.map((id) => {
      const title = kb.byId.get(id)!.title[ctx.lang];
      return [InlineKeyboard.text(guesses.includes(id) ? ctx.t("unanswered-guess-button", { title }) : title, callback.unansweredAttach(picker, id))];
    });
    const navigation = pageButtons(ctx.t, page, (n) => callback.unansweredPage(picker, n));
    const count = forms.reduce((sum, f) => sum + f.count, 0);
    const variants = forms.slice(1, MAX_ALIASES).map((f) => `<i>${escapeHtml(f.query)}</i>`);
    if (forms.length > MAX_ALIASES) variants.push("…");
    const html = [
      ctx.t("unanswered-pick", { query: escapeHtml(top.query), count }),
      ...(variants.length > 0 ? [ctx.t("unanswered-pick-variants", { list: variants.join(", ") })] : []),
      ctx.t("unanswered-pick-hint", { page: page.index + 1, pages: page.pages }),
    ].join("\n\n");
    const actions = [InlineKeyboard.text(ctx.t("unanswered-dismiss-button"), callback.unansweredDismiss(picker)), InlineKeyboard.text(ctx.t("unanswered-back-button"), callback.unanswered())];
    return { html, keyboard: keyboardOf(...entryButtons, navigation, actions) };
  }

  const resolvedView = (ctx: BotContext): View => ({ html: ctx.t("unanswered-gone"), keyboard: keyboardOf([InlineKeyboard.text(ctx.t("unanswered-back-button"), callback.unanswered())]) });

  feature.command("unanswered", (ctx) => {
    if (ctx.chat.type !== "private" && ctx.chat.id !== settings.staffChatId) return reply(ctx, { html: ctx.t("questions-private-command") });
    return reply(ctx, listView(ctx));
  });
  feature.callbackQuery(callback.unanswered(), (ctx) => show(ctx, listView(ctx)));
  feature.callbackQuery(callback.unansweredGroup.pattern, (ctx) => {
    const { group, page } = callback.unansweredGroup.read(ctx.match);
    const forms = groupOf(group);
    if (!forms) return show(ctx, resolvedView(ctx));
    // The picker is kept as shown: a wording students send meanwhile is not what staff read, and is never learned from it.
    return show(ctx, pickerView(ctx, store.learning.savePicker(forms), forms, page));
  });
  feature.callbackQuery(callback.unansweredPage.pattern, (ctx) => {
    const { picker, page } = callback.unansweredPage.read(ctx.match);
    const forms = store.learning.pickerForms(picker);
    return show(ctx, forms ? pickerView(ctx, picker, forms, page) : resolvedView(ctx));
  });

  feature.callbackQuery(callback.unansweredAttach.pattern, async (ctx) => {
    const pressed = callback.unansweredAttach.read(ctx.match);
    const forms = store.learning.pickerForms(pressed.picker);
    const entry = ctx.kb.byId.get(pressed.entry);
    if (!forms || !entry) return show(ctx, resolvedView(ctx));
    const aliases: LearnedAlias[] = [];
    for (const form of forms.slice(0, MAX_ALIASES)) {
      const alias = aliasOf(form.query);
      if (alias !== "" && !aliases.some((a) => a.lang === form.lang && sameAlias(a.alias, alias))) aliases.push({ entryId: entry.id, lang: form.lang, alias });
    }
    for (const alias of aliases) store.learning.learnAlias(alias, ctx.from.id);
    const resolved = store.learning.resolve(forms.map((f) => f.normalized), entry.id, ctx.from.id);
    // The next student asking the same gets this entry's card: the index is rebuilt now (~20 ms).
    catalog.learn(store.learning.aliases());
    ctx.log.info({ entry: entry.id, aliases: aliases.map((a) => a.alias), resolved }, "learned aliases");
    const html = ctx.t("unanswered-learned", {
      query: escapeHtml(forms[0]!.query),
      title: escapeHtml(entry.title[ctx.lang]),
      aliases: aliases.map((a) => `<i>${escapeHtml(a.alias)}</i> (${a.lang})`).join(", "),
      count: resolved,
    });
    await show(ctx, { html, keyboard: keyboardOf([InlineKeyboard.text(ctx.t("unanswered-back-button"), callback.unanswered())]) });
  });

  feature.callbackQuery(callback.unansweredDismiss.pattern, async (ctx) => {
    const forms = store.learning.pickerForms(callback.unansweredDismiss.read(ctx.match).picker);
    if (!forms) return show(ctx, resolvedView(ctx));
    const resolved = store.learning.resolve(forms.map((f) => f.normalized), null, ctx.from.id);
    await show(ctx, { html: ctx.t("unanswered-dismissed", { query: escapeHtml(forms[0]!.query), count: resolved }), keyboard: keyboardOf([InlineKeyboard.text(ctx.t("unanswered-back-button"), callback.unanswered())]) });
  });

  return feature;
}

/** A query as an alias: lowercase, one space between words, no punctuation around it ("Yozgi maktab?" -> "yozgi maktab"). */
const aliasOf = (query: string): string =>
  query
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, "");
