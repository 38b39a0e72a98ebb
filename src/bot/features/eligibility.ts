/**
 * "Am I eligible?": a guided conversation (@grammyjs/conversations) that asks
 * who the user is, their year, GPA and language certificates, then shows the
 * programs they qualify for now, those they nearly qualify for with exactly
 * what is missing, and folds the rest away. The rules are the pure
 * src/eligibility/rules.ts; this file asks and answers.
 *
 * The conversation is replayed from the start on every update, so it touches
 * the world only through ctx replies and conversation.external (the knowledge
 * base). Its state is kept in SQLite: a restart resumes at the same question.
 */
import { createConversation, type Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, type Context } from "grammy";
import { evaluateEligibility, type Applicant, type Certificate, type Gap, type Gpa, type ProgramVerdict } from "../../eligibility/rules.js";
import { parseGpa, parseScore } from "../../eligibility/answers.js";
import { createI18n } from "../../i18n.js";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import { uzbekCyrillicKnowledge } from "../../knowledge/uzbek-cyrillic.js";
import { EXAMS, ROLES, type Exam, type ProgramEntry, type Role } from "../../knowledge/schema.js";
import type { UiLang } from "../../storage/store.js";
import type { BotContext, BotDeps } from "../context.js";
import { contentLang, translatorFor } from "../middleware/language.js";
import { callback } from "../ui/callback-data.js";
import { escapeHtml } from "../ui/html.js";
import { homeButton } from "../ui/cards.js";
import { keyboardOf, rowsOf } from "../ui/keyboard.js";
import { mainMenu } from "./menu.js";

export const ELIGIBILITY = "eligibility";
const STUDENTS: readonly Role[] = ["bachelor", "master", "doctoral"];
const MAX_CERTIFICATES = 4;

type Flow = Conversation<BotContext, Context>;
type T = BotContext["t"];

export function eligibilityFeature({ catalog }: Pick<BotDeps, "catalog">) {
  const i18n = createI18n<BotContext>();
  const feature = new Composer<BotContext>();

  async function eligibilityFlow(conversation: Flow, ctx: Context, ui: UiLang): Promise<void> {
    const t = translatorFor(i18n, ui);
    const ask = asker(conversation, ctx, t);

    const role = await ask.choice("role", t("elig-ask-role"), ROLES.map((r) => [t(`elig-role-${r}`), r] as const));
    const year = STUDENTS.includes(role)
      ? Number(await ask.choice("year", t("elig-ask-year"), ["1", "2", "3", "4", "5", "6"].map((y) => [y, y] as const), 3))
      : undefined;

    let gpa: Gpa | undefined;
    const scale = await ask.choice("scale", t("elig-ask-scale"), [[t("elig-scale-5"), "5"], [t("elig-scale-100"), "100"], [t("elig-scale-skip"), "skip"]] as const, 3);
    if (scale !== "skip") {
      const s = Number(scale) as 5 | 100;
      const example = s === 5 ? "4.2" : "85";
      gpa = await ask.typed(t("elig-ask-gpa", { scale: s, example }), (text) => parseGpa(text, s), (reason) => t(`elig-gpa-${reason}`, { scale: s, example }));
    }

    const certificates: Certificate[] = [];
    while (certificates.length < MAX_CERTIFICATES) {
      const exams = (Object.keys(EXAMS) as Exam[]).filter((e) => !certificates.some((c) => c.exam === e));
      const options = [...exams.map((e) => [examName(e), e] as const), [t("elig-no-more"), "none"] as const];
      const exam = await ask.choice(`cert${certificates.length}`, t("elig-ask-certificate"), options, 3);
      if (exam === "none") break;
      const { min, max } = EXAMS[exam];
      const score = await ask.typed(t("elig-ask-score", { exam: examName(exam) }), (text) => parseScore(exam, text), () => t("elig-score-invalid", { exam: examName(exam), min, max }));
      certificates.push({ exam, score });
    }

    const applicant: Applicant = { role, year, gpa, certificates };
    const result = await conversation.external(() => resultMessage(t, ui, evaluateEligibility(applicant, programsOf(catalog.kb.entries))));
    await ctx.reply(result.html, { parse_mode: "HTML", reply_markup: keyboardOf(...result.rows) });
  }

  /** The result, with the program titles in the user's script. */
  function resultMessage(t: T, ui: UiLang, verdicts: ProgramVerdict[]) {
    const kb = ui === "uz-cyrl" ? uzbekCyrillicKnowledge(catalog.kb) : catalog.kb;
    const lang = contentLang(ui);
    const title = (id: string) => kb.byId.get(id)!.title[lang];
    const eligible = verdicts.filter((v) => v.verdict === "eligible");
    const nearly = verdicts.filter((v) => v.verdict === "nearly");
    const others = verdicts.length - eligible.length - nearly.length;
    const blocks: string[] = [];
    if (eligible.length > 0) blocks.push([t("elig-result-eligible"), ...eligible.map((v) => `• ${escapeHtml(title(v.programId))}`)].join("\n"));
    if (nearly.length > 0) {
      blocks.push([t("elig-result-nearly"), ...nearly.map((v) => `• ${escapeHtml(title(v.programId))}: ${v.gaps.map((g) => escapeHtml(describeGap(t, g))).join("; ")}`)].join("\n"));
    }
    if (eligible.length + nearly.length === 0) blocks.push(t("elig-result-none"));
    if (others > 0) blocks.push(t("elig-result-others", { count: others }));
    if ([...eligible, ...nearly].some((v) => v.toConfirm)) blocks.push(t("elig-result-confirm"));
    const rows = [...eligible, ...nearly].slice(0, 6).map((v) => [InlineKeyboard.text(t("elig-apply-button", { program: title(v.programId) }), callback.applyPage(v.programId, 0))]);
    return { html: blocks.join("\n\n"), rows: [...rows, [InlineKeyboard.text(t("card-contacts-button"), callback.entry(DEPARTMENT_CONTACT)), homeButton({ t, lang })]] };
  }

  // Leaving: /cancel or its button ends the flow; /start, /language, a command or a menu button leaves it for that.
  feature.use(async (ctx, next) => {
    if (ctx.chatId === undefined || ctx.conversation.active(ELIGIBILITY) === 0) {
      if (ctx.hasCommand("cancel")) return void (await ctx.reply(mainMenu(ctx).html, { reply_markup: mainMenu(ctx).keyboard }));
      return next();
    }
    const command = ctx.message?.text?.startsWith("/");
    const cancel = ctx.hasCommand("cancel") || ctx.callbackQuery?.data === callback.cancel();
    const navigation = ctx.callbackQuery?.data !== undefined && !ctx.callbackQuery.data.startsWith("el:");
    if (!cancel && !command && !navigation) return next();
    await ctx.conversation.exit(ELIGIBILITY);
    if (cancel) return void (await ctx.reply(ctx.t("elig-cancelled"), { reply_markup: mainMenu(ctx).keyboard }));
    return next();
  });
  feature.use(createConversation(eligibilityFlow, ELIGIBILITY));
  feature.command("eligibility", (ctx) => ctx.conversation.enter(ELIGIBILITY, ctx.uiLang));
  feature.callbackQuery(callback.eligibility(), (ctx) => ctx.conversation.enter(ELIGIBILITY, ctx.uiLang));
  return feature;
}

/** Questions inside the flow: a choice of buttons, or a typed answer read and checked. */
function asker(conversation: Flow, ctx: Context, t: T) {
  const cancelRow = [InlineKeyboard.text(t("elig-cancel"), callback.cancel())];
  return {
    async choice<V extends string>(step: string, question: string, options: readonly (readonly [label: string, value: V])[], perRow = 1): Promise<V> {
      const buttons = options.map(([label, value]) => InlineKeyboard.text(label, callback.step(step, value)));
      await ctx.reply(question, { reply_markup: keyboardOf(...rowsOf(buttons, perRow), cancelRow) });
      for (;;) {
        const answer = await conversation.wait();
        const chosen = answer.callbackQuery?.data?.match(/^el:([^:]+):(.+)$/);
        // A button of an earlier question is ignored; anything else gets a hint.
        if (chosen?.[1] === step && options.some(([, v]) => v === chosen[2])) return chosen[2] as V;
        if (!answer.callbackQuery) await answer.reply(t("elig-use-buttons"));
      }
    },
    async typed<R>(question: string, read: (text: string) => { ok: true; value: R } | { ok: false; reason: "not-a-number" | "out-of-range" }, retry: (reason: "not-a-number" | "out-of-range") => string): Promise<R> {
      await ctx.reply(question, { reply_markup: keyboardOf(cancelRow) });
      for (;;) {
        const answer = await conversation.wait();
        const text = answer.message?.text;
        if (text === undefined) {
          if (!answer.callbackQuery) await answer.reply(t("elig-type-answer"));
          continue;
        }
        const parsed = read(text);
        if (parsed.ok) return parsed.value;
        await answer.reply(retry(parsed.reason));
      }
    },
  };
}

const programsOf = (entries: readonly { type: string }[]) => entries.filter((e): e is ProgramEntry => e.type === "program");

const examName = (exam: Exam) => ({ ielts: "IELTS", toefl: "TOEFL", topik: "TOPIK", hsk: "HSK", russian: "TORFL" })[exam];

function describeGap(t: T, gap: Gap): string {
  const gpaText = (g: Gpa) => `${g.value}/${g.scale}`;
  const certificate = (c: Certificate) => t(`exam-${c.exam}`, { min: c.score });
  switch (gap.kind) {
    case "role":
      return t("elig-gap-role", { roles: gap.accepted.map((r) => t(`role-${r}`)).join(", ") });
    case "year-too-early":
      return t("elig-gap-year-early", { min: gap.min, have: gap.have });
    case "year-too-late":
      return t("elig-gap-year-late", { max: gap.max, have: gap.have });
    case "year-unknown":
      return t("elig-gap-year-unknown");
    case "gpa":
      return gap.have ? t("elig-gap-gpa", { need: gpaText(gap.need), have: gpaText(gap.have) }) : t("elig-gap-gpa-none", { need: gpaText(gap.need) });
    case "language": {
      const options = gap.options.map(certificate).join(` ${t("elig-or")} `);
      return gap.have ? t("elig-gap-language", { options, have: certificate(gap.have) }) : t("elig-gap-language-none", { options });
    }
  }
}

