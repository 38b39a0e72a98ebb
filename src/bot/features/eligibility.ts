/**
 * "Am I eligible?": a guided conversation (@grammyjs/conversations) that asks
 * who the user is, a bachelor's year, their field, GPA, language certificates
 * and a country of interest, then shows the programs they qualify for now,
 * those they nearly qualify for with exactly what is missing, and folds the
 * rest away. A program no one is assessed for (KOICA) gets a line saying what
 * it does and whom to ask, never a verdict. The rules are the pure
 * src/eligibility/rules.ts, typed answers are read by src/eligibility/answers.ts;
 * this file asks and answers. A question typed midway gets the chat's answer
 * with a button back to the question and at most "More details", both
 * answered inside the flow, so nothing under it leads out of the flow.
 *
 * The conversation is replayed from the start on every update, so it touches
 * the world only through ctx replies and conversation.external (the knowledge
 * base). Its state is kept in SQLite (middleware/flows.ts): a restart resumes
 * at the same question.
 */
import { createConversation, type Checkpoint, type Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, type Context } from "grammy";
import { answerQuestion } from "../../answers/answer.js";
import { isQuestion, parseCertificate, parseGpa, parseScale, parseScore, parseYear, type Parsed } from "../../eligibility/answers.js";
import { evaluateEligibility, gpaMatters, shutsOut, yearMatters, type Applicant, type Certificate, type Gap, type Gpa, type ProgramVerdict } from "../../eligibility/rules.js";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import { shortTitle, takesApplicants } from "../../knowledge/describe.js";
import { programsOf, type KnowledgeBase } from "../../knowledge/load.js";
import { CEFR_LEVELS, EXAM_IDS, EXAMS, ROLES, type Exam, type Lang, type ProgramEntry } from "../../knowledge/schema.js";
import type { UiLang } from "../../storage/users.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { readers, type Reader } from "../locale.js";
import { leaveFlow } from "../middleware/leave-flow.js";
import { answerAside } from "../ui/answer-view.js";
import { callback, isFlowButton } from "../ui/callback-data.js";
import { entryView, homeButton } from "../ui/cards.js";
import { escapeHtml } from "../ui/html.js";
import { keyboardOf, rowsOf } from "../ui/keyboard.js";
import { mainMenu } from "../ui/main-menu.js";
import { pageButtons, pageNumber, pageOf } from "../ui/paging.js";
import { reply } from "../ui/view.js";

export const ELIGIBILITY = "eligibility";
const MAX_CERTIFICATES = 4;
const MAX_APPLY_BUTTONS = 8;
/** Programs named in each list of the answer (fits now, nearly); the others are counted. */
const MAX_NAMED = 10;
/** Programs of the country of interest closed to the student, each said why; the others are counted. */
const MAX_CLOSED_NAMED = 3;
/** The years a bachelor student may be in. */
const YEARS = ["1", "2", "3", "4", "5", "6"] as const;
/** Each certificate's question: a score, a level, a CEFR level, each asked in its own words. */
const ASK_SCORE: Record<Exam, string> = {
  ielts: "elig-ask-score-ielts",
  toefl: "elig-ask-score-toefl",
  topik: "elig-ask-score-topik",
  hsk: "elig-ask-score-hsk",
  russian: "elig-ask-score-russian",
  cefr: "elig-ask-score-cefr",
  national: "elig-ask-score-national",
};
/** What a score or numbered level that cannot be right is told. */
const RETRY = { score: "elig-score-invalid", level: "elig-level-invalid" } as const;

type Flow = Conversation<BotContext, Context>;
type T = BotContext["t"];
/** What the flow says beside its questions: the answer to a question typed midway, an entry's card asked for from it. */
interface Aside {
  answer: (update: Context, text: string) => Promise<void>;
  card: (update: Context, id: string) => Promise<void>;
}

export function eligibilityFeature({ catalog, store, i18n }: Pick<BotDeps, "catalog" | "store" | "i18n">) {
  const feature = new Composer<BotContext>();
  const readerFor = readers({ i18n, catalog });

  async function eligibilityFlow(conversation: Flow, ctx: Context, ui: UiLang, programOfInterest?: string): Promise<void> {
    const reader = readerFor(ui);
    const { t } = reader;
    await conversation.external(() => store.usage.record("flow-started", ELIGIBILITY));
    // The chat's answer with a button back to the question the flow waits at (it never moved), and at most
    // "More details", which the flow answers too: no button here leads out of the flow.
    const continueButton = InlineKeyboard.text(t("elig-continue"), callback.flowContinue());
    const aside: Aside = {
      answer: (update, text) => {
        const { html, more } = answerAside(reader, answerQuestion(catalog, text));
        const details = more ? [InlineKeyboard.text(t("facet-full-card-button"), callback.flowMore(more.id))] : [];
        return reply(update, { html, keyboard: keyboardOf([continueButton], details) });
      },
      card: async (update, id) => {
        const entry = reader.kb.byId.get(id);
        if (entry) await reply(update, { html: entryView(reader, reader.kb, entry).html, keyboard: keyboardOf([continueButton]) });
      },
    };
    const ask = asker(conversation, ctx, t, aside);
    const examName = (exam: Exam) => t(`exam-name-${exam}`);

    const role = await ask.choice("role", t("elig-ask-role"), ROLES.map((r) => [t(`elig-role-${r}`), r] as const));
    // Only a bachelor's year is held against them, and only when a program has a year rule.
    const askYear = await conversation.external(() => yearMatters(role, programsOf(reader.kb)));
    const year = askYear
      ? Number(await ask.choice("year", t("elig-ask-year"), YEARS.map((y) => [y, y] as const), { perRow: 3, read: (text) => parseYear(text, YEARS.length)?.toString() as (typeof YEARS)[number] | undefined }))
      : undefined;
    // Asked for the department's advice; no program sets criteria on it yet. A question typed here is answered, not taken for a field.
    const field = (text: string): Parsed<string> => (isQuestion(text) ? { ok: false, reason: "not-a-number" } : { ok: true, value: text });
    await ask.typed("field", t("elig-ask-field"), field, () => t("elig-type-answer"), [[t("elig-skip"), "-"]], true);

    // Only a student's GPA is held against them (a teacher's or a young specialist's never is), so only students are asked it.
    const askGpa = await conversation.external(() => gpaMatters(role, programsOf(reader.kb)));
    // A GPA typed at the scale question ("85 ball", "4,3") is taken with the scale it must be on; a bare 5 or 100 there is the scale.
    const scales = [[t("elig-scale-5"), "5"], [t("elig-scale-100"), "100"], [t("elig-scale-skip"), "skip"]] as const;
    const typedAtScale = (text: string) => {
      const scale = parseScale(text);
      if (scale) return String(scale) as "5" | "100";
      const gpa = parseGpa(text);
      return gpa.ok ? gpa.value : undefined;
    };
    const scaleOrGpa = askGpa ? await ask.choice("scale", t("elig-ask-scale"), scales, { perRow: 3, read: typedAtScale }) : "skip";
    let gpa: Gpa | undefined;
    let noted: string | undefined;
    if (typeof scaleOrGpa === "object") {
      gpa = scaleOrGpa;
      noted = t("elig-gpa-noted", { value: gpa.value, scale: gpa.scale });
    } else if (scaleOrGpa !== "skip") {
      const s = Number(scaleOrGpa) as 5 | 100;
      const example = s === 5 ? "4.2" : "85";
      const typical = (s === 5 ? ["3.0", "3.5", "4.0", "4.5", "5.0"] : ["60", "70", "80", "90", "100"]).map((v) => [v, v] as const);
      gpa = await ask.typed("gpa", t("elig-ask-gpa", { scale: s, example }), (text) => parseGpa(text, s), (reason) => t(`elig-gpa-${reason}`, { scale: s, example }), typical);
    }

    const certificates: Certificate[] = [];
    while (certificates.length < MAX_CERTIFICATES) {
      const first = certificates.length === 0;
      const exams = EXAM_IDS.filter((e) => !certificates.some((c) => c.exam === e));
      // The scores and numbered levels three to a row; the CEFR ones, longer names, and "none" a row each.
      const [short, long] = [exams.filter((e) => EXAMS[e].unit !== "cefr"), exams.filter((e) => EXAMS[e].unit === "cefr")];
      const none = [t(first ? "elig-no-certificate" : "elig-no-more"), "none"] as const;
      const question = t(first ? "elig-ask-certificate" : "elig-ask-another-certificate");
      // "IELTS 6.5" typed here is the certificate and its score at once.
      const named = (text: string) => {
        const certificate = parseCertificate(text);
        return certificate && exams.includes(certificate.exam) ? certificate : undefined;
      };
      const chosen = await ask.choice(`cert${certificates.length}`, first && noted ? `${noted}\n\n${question}` : question, short.map((e) => [examName(e), e] as const), {
        perRow: 3,
        always: [...long.map((e) => [examName(e), e] as const), none],
        read: named,
      });
      if (chosen === "none") break;
      if (typeof chosen === "object") {
        certificates.push(chosen);
        continue;
      }
      const exam = chosen;
      const { min, max, unit } = EXAMS[exam];
      const levels = unit === "cefr" ? CEFR_LEVELS.slice(min - 1, max) : [];
      const retry = () => (unit === "cefr" ? t("elig-cefr-invalid", { levels: levels.join(", ") }) : t(RETRY[unit], { exam: examName(exam), min, max }));
      // Levels are few: buttons at once; scores are typed, with typical ones offered after two that cannot be read.
      const suggestions = unit === "cefr" ? levels : typicalScores(exam);
      const score = await ask.typed(`score${certificates.length}`, t(ASK_SCORE[exam]), (text) => parseScore(exam, text), retry, suggestions.map((v) => [v, v] as const), unit !== "score");
      certificates.push({ exam, score });
    }

    // From a program's card, that program is the interest; otherwise ask for a country.
    const countries = await conversation.external(() => countriesWithPrograms(reader.kb, reader.lang));
    const interest =
      programOfInterest ?? (await ask.choice<string>("interest", t("elig-ask-interest"), countries.map((c) => [c.title, c.id] as const), { perRow: 2, always: [[t("elig-any-country"), "any"] as const] }));

    const applicant: Applicant = { role, year, gpa, certificates };
    const result = await conversation.external(() => {
      const { kb, lang } = reader;
      return resultMessage(t, kb, lang, evaluateEligibility(applicant, programsOf(kb)), interest);
    });
    await ctx.reply(result.html, { parse_mode: "HTML", reply_markup: keyboardOf(...result.rows) });
    await conversation.external(() => store.usage.record("flow-completed", ELIGIBILITY));
  }

  // Leaving: /cancel or its button ends the flow; /start, /language, any command or a button outside the flow leaves it for that.
  feature.use(
    leaveFlow(ELIGIBILITY, {
      cancel: callback.flowCancel(),
      ownButton: isFlowButton,
      cancelled: (ctx) => ctx.reply(ctx.t("elig-cancelled"), { reply_markup: mainMenu(ctx).keyboard }),
    }),
  );
  // /cancel outside the flow: the main menu.
  feature.command("cancel", (ctx) => ctx.reply(mainMenu(ctx).html, { reply_markup: mainMenu(ctx).keyboard }));
  feature.use(createConversation(eligibilityFlow, ELIGIBILITY));
  feature.command("eligibility", (ctx) => ctx.conversation.enter(ELIGIBILITY, ctx.uiLang));
  feature.callbackQuery(callback.eligibility(), (ctx) => ctx.conversation.enter(ELIGIBILITY, ctx.uiLang));
  feature.callbackQuery(callback.eligibilityFor.pattern, (ctx) => {
    const { id } = callback.eligibilityFor.read(ctx.match);
    const entry = ctx.kb.byId.get(id);
    // A program no one is assessed for (KOICA) has nothing to ask: what it does and whom to ask, at once.
    if (entry?.type === "program" && !takesApplicants(entry)) return reply(ctx, notAssessedView(ctx, entry));
    return ctx.conversation.enter(ELIGIBILITY, ctx.uiLang, id);
  });
  return feature;
}

/** Partner countries that have programs, for the "interest" question; by name, for a list of many pages. */
function countriesWithPrograms(kb: KnowledgeBase, lang: Lang) {
  const ids = new Set(programsOf(kb).flatMap((p) => p.program.countries));
  return [...ids].map((id) => ({ id, title: kb.byId.get(id)!.title[lang] })).sort((a, b) => a.title.localeCompare(b.title, lang));
}

/** What a program no one is assessed for does, and whom to ask: its notes in the knowledge. */
const aboutUnassessed = (program: ProgramEntry, lang: Lang) => program.program.eligibility.notes.map((note) => note[lang]).join(" ");

/** "Am I eligible?" from the card of a program no one is assessed for: the answer at once, no questions. */
function notAssessedView(r: Reader, program: ProgramEntry) {
  const html = `<b>${escapeHtml(program.title[r.lang])}</b>\n\n${escapeHtml(aboutUnassessed(program, r.lang))}`;
  return { html, keyboard: keyboardOf([InlineKeyboard.text(r.t("card-contacts-button"), callback.entry(DEPARTMENT_CONTACT)), homeButton(r)]) };
}

/**
 * The answer: what fits now, what nearly fits and what is missing (the program
 * or country of interest first), the rest counted. A program of interest no
 * one is assessed for (KOICA, or its country) gets its line saying what it
 * does and whom to ask, never a verdict.
 */
function resultMessage(t: T, kb: KnowledgeBase, lang: Lang, verdicts: ProgramVerdict[], interest: string) {
  const title = (id: string) => kb.byId.get(id)!.title[lang];
  const programOf = (id: string) => kb.byId.get(id) as ProgramEntry;
  const interesting = (p: ProgramEntry) => p.id === interest || p.program.countries.includes(interest);
  const preferred = (v: ProgramVerdict) => interesting(programOf(v.programId));
  const byInterest = (list: ProgramVerdict[]) => [...list.filter(preferred), ...list.filter((v) => !preferred(v))];
  const eligible = byInterest(verdicts.filter((v) => v.verdict === "eligible"));
  const nearly = byInterest(verdicts.filter((v) => v.verdict === "nearly"));
  const others = verdicts.length - eligible.length - nearly.length;
  const confirm = (v: ProgramVerdict) => (v.toConfirm ? ` ${t("card-marked-to-confirm")}` : "");
  const blocks: string[] = [];
  const unassessed = programsOf(kb).filter((p) => !takesApplicants(p) && interesting(p));
  blocks.push(...unassessed.map((p) => `ℹ️ ${escapeHtml(aboutUnassessed(p, lang))}`));
  // The programs the student asked about (from a card, or in the country chosen) get an answer even when closed to them: what closes them.
  for (const closed of verdicts.filter((v) => v.verdict === "not" && preferred(v)).slice(0, MAX_CLOSED_NAMED)) {
    const why = closed.gaps.filter(shutsOut).map((g) => describeGap(t, g)).join("; ");
    blocks.push(t("elig-result-interest-not", { program: escapeHtml(title(closed.programId)), why: escapeHtml(why) }));
  }
  // The first ones named, the rest counted: a large base would not fit one message (Telegram's 4,096 characters).
  const named = (list: ProgramVerdict[], line: (v: ProgramVerdict) => string) => [
    ...list.slice(0, MAX_NAMED).map(line),
    ...(list.length > MAX_NAMED ? [t("elig-result-more", { count: list.length - MAX_NAMED })] : []),
  ];
  if (eligible.length > 0) blocks.push([t("elig-result-eligible"), ...named(eligible, (v) => `• ${escapeHtml(title(v.programId))}${confirm(v)}`)].join("\n"));
  if (nearly.length > 0) {
    blocks.push([t("elig-result-nearly"), ...named(nearly, (v) => `• ${escapeHtml(title(v.programId))}${confirm(v)}: ${v.gaps.map((g) => escapeHtml(describeGap(t, g))).join("; ")}`)].join("\n"));
  }
  if (eligible.length + nearly.length === 0) blocks.push(t("elig-result-none"));
  if (others > 0) blocks.push(t("elig-result-others", { count: others }));
  if ([...eligible, ...nearly].some((v) => v.toConfirm)) blocks.push(t("elig-result-confirm"));
  // "How to apply" from here opens as a new message, so this answer stays readable.
  const rows = [...eligible, ...nearly]
    .slice(0, MAX_APPLY_BUTTONS)
    .map((v) => [InlineKeyboard.text(t("elig-apply-button", { program: shortTitle(programOf(v.programId), lang) }), callback.applyStart(v.programId))]);
  return { html: blocks.join("\n\n"), rows: [...rows, [InlineKeyboard.text(t("card-contacts-button"), callback.entry(DEPARTMENT_CONTACT)), homeButton({ t, lang })]] };
}

interface ChoiceOptions<V extends string, R> {
  /** Buttons to a row. */
  perRow?: number;
  /** Choices under every page, a row each. */
  always?: readonly (readonly [label: string, value: V])[];
  /** Reads a typed answer that is not an option's label ("2-kurs", "85 ball"). */
  read?: (text: string) => R | undefined;
}

/**
 * Questions inside the flow: a choice of buttons, or a typed answer read and
 * checked. Each question has its own key in its buttons, so a button of an
 * earlier question is ignored, and its own Back, which rewinds to the question
 * before (the plugin's checkpoints). A question typed instead of an answer is
 * answered aside, and "Continue the questionnaire" sends the question again.
 */
function asker(conversation: Flow, ctx: Context, t: T, aside: Aside) {
  let previous: Checkpoint | undefined;
  const controls = (key: string, back: Checkpoint | undefined) => [
    ...(back ? [InlineKeyboard.text(t("elig-back"), callback.flowAnswer(key, "back"))] : []),
    InlineKeyboard.text(t("elig-cancel"), callback.flowCancel()),
  ];

  /** Where Back leads from the question starting now. */
  function begin(): Checkpoint | undefined {
    const back = previous;
    previous = conversation.checkpoint();
    return back;
  }

  /** The next update that is an answer: a message or a button press (not e.g. the user blocking the bot). */
  async function answer(): Promise<Context> {
    const update = await conversation.wait();
    if (!update.message && !update.callbackQuery) await conversation.skip();
    return update;
  }

  /** This question's button value in an answer, if it is one; its Back rewinds. */
  async function pressed(update: Context, key: string, back: Checkpoint | undefined): Promise<string | undefined> {
    const match = callback.flowAnswer.parse(update.callbackQuery?.data);
    if (match?.step !== key) return undefined;
    if (match.value === "back" && back) await conversation.rewind(back);
    return match.value;
  }

  const continuing = (update: Context) => update.callbackQuery?.data === callback.flowContinue();

  /** "More details" under an answer given aside: the card sent (true), the flow staying at its question. */
  async function showedCard(update: Context): Promise<boolean> {
    const more = callback.flowMore.parse(update.callbackQuery?.data);
    if (!more) return false;
    await aside.card(update, more.id);
    return true;
  }

  /** A typed message that is a question: answered aside (true), the flow staying at its question. */
  async function askedAside(update: Context): Promise<boolean> {
    const text = update.message?.text;
    if (text === undefined || !isQuestion(text)) return false;
    await aside.answer(update, text);
    return true;
  }

  return {
    /**
     * Buttons, a page at a time when there are many (the countries grow with
     * the knowledge base), `always` under every page; typing an option's label
     * counts too, or what `read` makes of the text, and after two misses the
     * buttons are sent again.
     */
    async choice<V extends string, R = never>(key: string, question: string, options: readonly (readonly [label: string, value: V])[], { perRow = 1, always = [], read }: ChoiceOptions<V, R> = {}): Promise<V | R> {
      const back = begin();
      const button = ([label, value]: readonly [string, V]) => InlineKeyboard.text(label, callback.flowAnswer(key, value));
      const screen = (n: number) => {
        const page = pageOf(options, n);
        const keyboard = keyboardOf(...rowsOf(page.items.map(button), perRow), pageButtons(t, page, (p) => callback.flowPage(key, p)), ...always.map((a) => [button(a)]), controls(key, back));
        return { text: [question, ...pageNumber(t, page)].join("\n\n"), keyboard, page: page.index };
      };
      // The page each message of this question shows: a page is turned by editing the message pressed.
      const shownOn = new Map<number, number>();
      const send = async (text: string, current: ReturnType<typeof screen>) => shownOn.set((await ctx.reply(text, { reply_markup: current.keyboard })).message_id, current.page);
      let current = screen(0);
      await send(current.text, current);
      for (let misses = 0; ; ) {
        const update = await answer();
        const turn = callback.flowPage.parse(update.callbackQuery?.data);
        const message = update.callbackQuery?.message;
        if (turn?.step === key && message) {
          // Only this question's own messages, and only to another page: Telegram refuses an edit that changes nothing.
          const shown = shownOn.get(message.message_id);
          current = screen(turn.page);
          if (shown !== undefined && shown !== current.page) {
            await ctx.api.editMessageText(message.chat.id, message.message_id, current.text, { reply_markup: current.keyboard });
            shownOn.set(message.message_id, current.page);
          }
          continue;
        }
        if (continuing(update)) {
          await send(current.text, current);
          continue;
        }
        if (await showedCard(update)) continue;
        const text = update.message?.text?.trim();
        const choices = [...options, ...always];
        const value = (await pressed(update, key, back)) ?? choices.find(([label]) => label.toLowerCase() === text?.toLowerCase())?.[1];
        if (value !== undefined && choices.some(([, v]) => v === value)) return value as V;
        const typed = text === undefined ? undefined : read?.(text);
        if (typed !== undefined) return typed;
        if (update.callbackQuery) continue; // a button of an earlier question: ignored
        if (await askedAside(update)) continue;
        misses++;
        if (misses >= 2) await send(t("elig-use-buttons"), current);
        else await update.reply(t("elig-use-buttons"));
      }
    },

    /** A typed answer; after two that cannot be read, `suggestions` are offered as buttons (at once when `suggestNow`). */
    async typed<R>(
      key: string,
      question: string,
      read: (text: string) => Parsed<R>,
      retry: (reason: "not-a-number" | "out-of-range") => string,
      suggestions: readonly (readonly [label: string, value: string])[] = [],
      suggestNow = false,
    ): Promise<R> {
      const back = begin();
      const suggested = keyboardOf(...rowsOf(suggestions.map(([label, value]) => InlineKeyboard.text(label, callback.flowAnswer(key, value))), 5), controls(key, back));
      const ask = () => ctx.reply(question, { reply_markup: suggestNow ? suggested : keyboardOf(controls(key, back)) });
      await ask();
      for (let failures = 0; ; ) {
        const update = await answer();
        if (continuing(update)) {
          await ask();
          continue;
        }
        if (await showedCard(update)) continue;
        const text = (await pressed(update, key, back)) ?? update.message?.text;
        if (text === undefined) {
          if (!update.callbackQuery) await update.reply(t("elig-type-answer"));
          continue;
        }
        const parsed = read(text);
        if (parsed.ok) return parsed.value;
        if (await askedAside(update)) continue;
        failures++;
        await update.reply(retry(parsed.reason), failures >= 2 && suggestions.length > 0 ? { reply_markup: suggested } : {});
      }
    },
  };
}

/** Typical scores of an exam, offered as buttons: its levels, or common scores after two unreadable answers. */
function typicalScores(exam: Exam): string[] {
  const { min, max } = EXAMS[exam];
  if (exam === "ielts") return ["5.0", "5.5", "6.0", "6.5", "7.0"];
  if (exam === "toefl") return ["60", "72", "80", "90", "100"];
  return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
}

const gpaText = (g: Gpa) => `${g.value}/${g.scale}`;

function describeGap(t: T, gap: Gap): string {
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
