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
import { createConversation, type Checkpoint, type Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, type Context } from "grammy";
import { evaluateEligibility, type Applicant, type Certificate, type Gap, type Gpa, type ProgramVerdict } from "../../eligibility/rules.js";
import { parseGpa, parseScore } from "../../eligibility/answers.js";
import { createI18n } from "../../i18n.js";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import type { KnowledgeBase } from "../../knowledge/load.js";
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

    const role = await ask.choice(t("elig-ask-role"), ROLES.map((r) => [t(`elig-role-${r}`), r] as const));
    const year = STUDENTS.includes(role)
      ? Number(await ask.choice(t("elig-ask-year"), ["1", "2", "3", "4", "5", "6"].map((y) => [y, y] as const), 3))
      : undefined;
    // Asked for the department's advice; no program sets criteria on it yet.
    await ask.typed(t("elig-ask-field"), (text) => (text.trim().length > 0 ? { ok: true, value: text.trim() } : { ok: false, reason: "not-a-number" }), () => t("elig-type-answer"), [[t("elig-skip"), "-"]]);

    let gpa: Gpa | undefined;
    const scale = await ask.choice(t("elig-ask-scale"), [[t("elig-scale-5"), "5"], [t("elig-scale-100"), "100"], [t("elig-scale-skip"), "skip"]] as const, 3);
    if (scale !== "skip") {
      const s = Number(scale) as 5 | 100;
      const example = s === 5 ? "4.2" : "85";
      const typical = (s === 5 ? ["3.0", "3.5", "4.0", "4.5", "5.0"] : ["60", "70", "80", "90", "100"]).map((v) => [v, v] as const);
      gpa = await ask.typed(t("elig-ask-gpa", { scale: s, example }), (text) => parseGpa(text, s), (reason) => t(`elig-gpa-${reason}`, { scale: s, example }), typical);
    }

    const certificates: Certificate[] = [];
    while (certificates.length < MAX_CERTIFICATES) {
      const exams = (Object.keys(EXAMS) as Exam[]).filter((e) => !certificates.some((c) => c.exam === e));
      const exam = await ask.choice(t("elig-ask-certificate"), [...exams.map((e) => [examName(e), e] as const), [t("elig-no-more"), "none"] as const], 3);
      if (exam === "none") break;
      const { min, max } = EXAMS[exam];
      const score = await ask.typed(
        t("elig-ask-score", { exam: examName(exam) }),
        (text) => parseScore(exam, text),
        () => t("elig-score-invalid", { exam: examName(exam), min, max }),
        typicalScores(exam).map((v) => [v, v] as const),
      );
      certificates.push({ exam, score });
    }

    const countries = await conversation.external(() => countriesWithPrograms(catalog.kb, ui));
    const interest = await ask.choice(t("elig-ask-interest"), [...countries.map((c) => [c.title, c.id] as const), [t("elig-any-country"), "any"] as const], 2);

    const applicant: Applicant = { role, year, gpa, certificates };
    const result = await conversation.external(() => {
      const programs = programsOf(catalog.kb.entries);
      const chosen = interest === "any" ? programs : programs.filter((p) => p.program.countries.includes(interest));
      return resultMessage(t, ui, evaluateEligibility(applicant, chosen.length > 0 ? chosen : programs));
    });
    await ctx.reply(result.html, { parse_mode: "HTML", reply_markup: keyboardOf(...result.rows) });
  }

  /** Partner countries that have programs, titled in the user's script, for the "interest" question. */
  function countriesWithPrograms(kb: KnowledgeBase, ui: UiLang) {
    const shown = ui === "uz-cyrl" ? uzbekCyrillicKnowledge(kb) : kb;
    const ids = new Set(programsOf(kb.entries).flatMap((p) => p.program.countries));
    return [...ids].map((id) => ({ id, title: shown.byId.get(id)!.title[contentLang(ui)] }));
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

/**
 * Questions inside the flow: a choice of buttons, or a typed answer read and
 * checked. Every question has a number (the same on every replay), so a button
 * of an earlier question is recognised and ignored, and Back rewinds to the
 * question before (the plugin's checkpoints).
 */
function asker(conversation: Flow, ctx: Context, t: T) {
  let asked = 0;
  let previous: Checkpoint | undefined;
  const controls = (back: Checkpoint | undefined) => [
    ...(back ? [InlineKeyboard.text(t("elig-back"), callback.step("q", "back"))] : []),
    InlineKeyboard.text(t("elig-cancel"), callback.cancel()),
  ];

  /** Starts a question: its number, and where Back leads. */
  function begin() {
    const back = previous;
    previous = conversation.checkpoint();
    return { step: String(asked++), back };
  }

  /** The value of this question's button in an answer, if it is one; Back rewinds. */
  async function pressed(answer: Context, step: string, back: Checkpoint | undefined): Promise<string | undefined> {
    const data = answer.callbackQuery?.data;
    if (data === callback.step("q", "back") && back) await conversation.rewind(back);
    const match = data?.match(/^el:([^:]+):(.+)$/);
    return match?.[1] === step ? match[2] : undefined;
  }

  return {
    async choice<V extends string>(question: string, options: readonly (readonly [label: string, value: V])[], perRow = 1): Promise<V> {
      const { step, back } = begin();
      const buttons = options.map(([label, value]) => InlineKeyboard.text(label, callback.step(step, value)));
      await ctx.reply(question, { reply_markup: keyboardOf(...rowsOf(buttons, perRow), controls(back)) });
      for (;;) {
        const answer = await conversation.wait();
        const value = await pressed(answer, step, back);
        if (value !== undefined && options.some(([, v]) => v === value)) return value as V;
        if (!answer.callbackQuery) await answer.reply(t("elig-use-buttons"));
      }
    },

    /** A typed answer; after two that cannot be read, `suggestions` are offered as buttons. */
    async typed<R>(
      question: string,
      read: (text: string) => { ok: true; value: R } | { ok: false; reason: "not-a-number" | "out-of-range" },
      retry: (reason: "not-a-number" | "out-of-range") => string,
      suggestions: readonly (readonly [label: string, value: string])[] = [],
    ): Promise<R> {
      const { step, back } = begin();
      const suggested = keyboardOf(...rowsOf(suggestions.map(([label, value]) => InlineKeyboard.text(label, callback.step(step, value))), 5), controls(back));
      const skipOnly = suggestions.length === 1;
      await ctx.reply(question, { reply_markup: skipOnly ? suggested : keyboardOf(controls(back)) });
      for (let failures = 0; ; ) {
        const answer = await conversation.wait();
        const text = (await pressed(answer, step, back)) ?? answer.message?.text;
        if (text === undefined) {
          if (!answer.callbackQuery) await answer.reply(t("elig-type-answer"));
          continue;
        }
        const parsed = read(text);
        if (parsed.ok) return parsed.value;
        failures++;
        await answer.reply(retry(parsed.reason), failures >= 2 && suggestions.length > 0 ? { reply_markup: suggested } : {});
      }
    },
  };
}

/** Typical scores of an exam, offered as buttons after two unreadable answers. */
function typicalScores(exam: Exam): string[] {
  const { min, max } = EXAMS[exam];
  if (exam === "ielts") return ["5.0", "5.5", "6.0", "6.5", "7.0"];
  if (exam === "toefl") return ["60", "72", "80", "90", "100"];
  return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
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

