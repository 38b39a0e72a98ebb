/**
 * "How do I apply?": choose a program (menu, /apply, its card), then its steps
 * one at a time with Next and Back, a documents checklist the user ticks
 * (remembered per user), and at the end the deadlines and where and to whom
 * to submit. Every page is addressed by its button data, so a restart, or a
 * user coming back days later, finds the same page.
 */
import { Composer, InlineKeyboard } from "grammy";
import { contactDetails, takesApplicants, type Section } from "../../knowledge/describe.js";
import { programsOf } from "../../knowledge/load.js";
import type { ProgramEntry } from "../../knowledge/schema.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { deadlineLine } from "../ui/answer-view.js";
import { callback } from "../ui/callback-data.js";
import { homeButton, tappablePhones } from "../ui/cards.js";
import { keyboardOf, rowsOf, type Button } from "../ui/keyboard.js";
import { pageButtons, pageNumber, pageOf } from "../ui/paging.js";
import { staleButton } from "../ui/stale-button.js";
import { reply, sectionsToHtml, show, type View } from "../ui/view.js";

export function applyFeature({ store }: Pick<BotDeps, "store">) {
  const feature = new Composer<BotContext>();
  const program = (ctx: BotContext, id: string) => {
    const entry = ctx.kb.byId.get(id);
    return entry?.type === "program" ? entry : undefined;
  };

  feature.command("apply", (ctx) => reply(ctx, chooser(ctx)));
  feature.callbackQuery(callback.applyChooser.pattern, (ctx) => show(ctx, chooser(ctx, callback.applyChooser.read(ctx.match).page)));
  feature.callbackQuery(callback.applyPage.pattern, async (ctx) => {
    const pressed = callback.applyPage.read(ctx.match);
    const entry = program(ctx, pressed.id);
    if (!entry) return staleButton(ctx);
    countProgress(store, ctx, entry, pressed.page);
    await show(ctx, page(ctx, entry, pressed.page, checked(ctx, entry)));
  });
  feature.callbackQuery(callback.applyStart.pattern, async (ctx) => {
    const entry = program(ctx, callback.applyStart.read(ctx.match).id);
    if (!entry) return staleButton(ctx);
    countProgress(store, ctx, entry, 0);
    await reply(ctx, page(ctx, entry, 0, checked(ctx, entry)));
  });
  feature.callbackQuery(callback.tick.pattern, async (ctx) => {
    const pressed = callback.tick.read(ctx.match);
    const entry = program(ctx, pressed.id);
    const document = entry?.program.documents.items[pressed.document];
    if (!entry || !document || !ctx.from) return staleButton(ctx);
    store.ticks.toggle(ctx.from.id, entry.id, document.id);
    await show(ctx, page(ctx, entry, documentsPage(entry), checked(ctx, entry)));
  });

  // In a group the checklist is shown blank: it is everyone's message, not the presser's checklist (ticking is refused there).
  const checked = (ctx: BotContext, entry: ProgramEntry) =>
    ctx.from && ctx.chat?.type === "private" ? store.ticks.ticked(ctx.from.id, entry.id) : new Set<string>();
  return feature;
}

/** The programs to choose from, a page at a time: those one applies to (not KOICA). */
function chooser(ctx: BotContext, requested = 0): View {
  const page = pageOf(programsOf(ctx.kb).filter(takesApplicants), requested);
  const buttons = page.items.map((p) => InlineKeyboard.text(p.title[ctx.lang], callback.applyPage(p.id, 0)));
  return {
    html: [ctx.t("apply-choose"), ...pageNumber(ctx.t, page)].join("\n\n"),
    keyboard: keyboardOf(...rowsOf(buttons, 1), pageButtons(ctx.t, page, callback.applyChooser), [homeButton(ctx)]),
  };
}

/** Pages: the steps, then the documents (when the program lists any), then the deadlines and whom to submit to. */
const documentsPage = (p: ProgramEntry) => p.program.steps.items.length;
const lastPage = (p: ProgramEntry) => documentsPage(p) + (p.program.documents.items.length > 0 ? 1 : 0);

/** For /stats: the first page starts "how to apply", the last completes it; once a day per user and program, however they page. */
function countProgress(store: BotDeps["store"], ctx: BotContext, p: ProgramEntry, requested: number): void {
  const once = `${ctx.from?.id}:${p.id}`;
  if (requested <= 0) store.usage.record("flow-started", "apply", once);
  if (requested >= lastPage(p)) store.usage.record("flow-completed", "apply", once);
}

function page(ctx: BotContext, p: ProgramEntry, requested: number, ticked: Set<string>): View {
  const n = Math.min(Math.max(requested, 0), lastPage(p));
  const { steps, documents, deadlines, contact } = p.program;
  const title = ctx.t("apply-title", { program: p.title[ctx.lang] });
  let sections: Section[];
  let toConfirm: boolean;
  const rows: Button[][] = [];
  if (n < steps.items.length) {
    sections = [{ heading: ctx.t("apply-step", { step: n + 1, steps: steps.items.length }), lines: [steps.items[n]![ctx.lang]] }];
    toConfirm = steps.to_confirm;
  } else if (n === documentsPage(p) && n < lastPage(p)) {
    const done = documents.items.filter((d) => ticked.has(d.id)).length;
    sections = [{ heading: ctx.t("apply-documents", { done, total: documents.items.length }), lines: [ctx.t("apply-documents-hint")] }];
    toConfirm = documents.to_confirm;
    rows.push(...documents.items.map((d, i) => [InlineKeyboard.text(`${ticked.has(d.id) ? "☑️" : "⬜"} ${d.text[ctx.lang]}`, callback.tick(p.id, i))]));
  } else {
    const dates = [...deadlines.items.map((d) => deadlineLine(ctx, d)), ...(deadlines.note ? [deadlines.note[ctx.lang]] : [])];
    sections = [{ heading: ctx.t("card-deadlines"), lines: dates.length > 0 ? dates : [ctx.t("apply-no-deadlines")] }];
    const contactEntry = ctx.kb.byId.get(contact);
    if (contactEntry?.type === "contact") {
      const details = contactDetails(contactEntry, ctx.lang, ctx.t);
      sections.push(tappablePhones({ heading: ctx.t("apply-submit-to"), lines: details.lines }));
    }
    toConfirm = deadlines.to_confirm;
  }
  const nav: Button[] = [];
  nav.push(n > 0 ? InlineKeyboard.text(ctx.t("apply-back"), callback.applyPage(p.id, n - 1)) : InlineKeyboard.text(ctx.t("nav-back-card"), callback.entry(p.id)));
  if (n < lastPage(p)) nav.push(InlineKeyboard.text(ctx.t("apply-next"), callback.applyPage(p.id, n + 1)));
  const finish = n === lastPage(p) ? [InlineKeyboard.text(ctx.t("card-contacts-button"), callback.entry(contact)), homeButton(ctx)] : [homeButton(ctx)];
  const allSections = toConfirm ? [{ lines: [ctx.t("card-to-confirm")] }, ...sections] : sections;
  return { html: sectionsToHtml(title, allSections), keyboard: keyboardOf(...rows, nav, finish) };
}
