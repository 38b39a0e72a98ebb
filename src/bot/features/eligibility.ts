/**
 * "Am I eligible?": a guided conversation (@grammyjs/conversations) that asks
 * who the user is, their year, field, GPA, language certificates and a country
 * of interest, then shows the programs they qualify for now, those they nearly
 * qualify for with exactly what is missing, and folds the rest away. The rules
 * are the pure src/eligibility/rules.ts; this file asks and answers.
 *
 * The conversation is replayed from the start on every update, so it touches
 * the world only through ctx replies and conversation.external (the knowledge
 * base). Its state is kept in SQLite (middleware/flows.ts): a restart resumes
 * at the same question.
 */
import { createConversation, type Checkpoint, type Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, type Context } from "grammy";
import { parseGpa, parseScore, type Parsed } from "../../eligibility/answers.js";
import { evaluateEligibility, STUDENTS, type Applicant, type Certificate, type Gap, type Gpa, type ProgramVerdict } from "../../eligibility/rules.js";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import { programsOf, type KnowledgeBase } from "../../knowledge/load.js";
import { EXAMS, ROLES, type Exam, type Lang } from "../../knowledge/schema.js";
import type { UiLang } from "../../storage/users.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { readers } from "../locale.js";
import { leaveFlow } from "../middleware/leave-flow.js";
import { callback, isFlowButton } from "../ui/callback-data.js";
import { homeButton } from "../ui/cards.js";
import { escapeHtml } from "../ui/html.js";
import { keyboardOf, rowsOf } from "../ui/keyboard.js";
import { mainMenu } from "../ui/main-menu.js";
import { pageButtons, pageNumber, pageOf } from "../ui/paging.js";

export const ELIGIBILITY = "eligibility";
const MAX_CERTIFICATES = 4;
const MAX_APPLY_BUTTONS = 8;
/** Programs named in each list of the answer (fits now, nearly); the others are counted. */
const MAX_NAMED = 10;

type Flow = Conversation<BotContext, Context>;
type T = BotContext["t"];

export function eligibilityFeature({ catalog, store, i18n }: Pick<BotDeps, "catalog" | "store" | "i18n">) {
  const feature = new Composer<BotContext>();
  const readerFor = readers({ i18n, catalog });

  async function eligibilityFlow(conversation: Flow, ctx: Context, ui: UiLang, programOfInterest?: string): Promise<void> {
    const reader = readerFor(ui);
    const { t } = reader;
    await conversation.external(() => store.usage.record("flow-started", ELIGIBILITY));
    const ask = asker(conversation, ctx, t);
    const examName = (exam: Exam) => t(`exam-name-${exam}`);

    const role = await ask.choice("role", t("elig-ask-role"), ROLES.map((r) => [t(`elig-role-${r}`), r] as const));
    const year = STUDENTS.includes(role) ? Number(await ask.choice("year", t("elig-ask-year"), ["1", "2", "3", "4", "5", "6"].map((y) => [y, y] as const), 3)) : undefined;
    // Asked for the department's advice; no program sets criteria on it yet.
    await ask.typed("field", t("elig-ask-field"), (text) => ({ ok: true, value: text }), () => t("elig-type-answer"), [[t("elig-skip"), "-"]], true);

    let gpa: Gpa | undefined;
    const scale = await ask.choice("scale", t("elig-ask-scale"), [[t("elig-scale-5"), "5"], [t("elig-scale-100"), "100"], [t("elig-scale-skip"), "skip"]] as const, 3);
    if (scale !== "skip") {
      const s = Number(scale) as 5 | 100;
      const example = s === 5 ? "4.2" : "85";
      const typical = (s === 5 ? ["3.0", "3.5", "4.0", "4.5", "5.0"] : ["60", "70", "80", "90", "100"]).map((v) => [v, v] as const);
      gpa = await ask.typed("gpa", t("elig-ask-gpa", { scale: s, example }), (text) => parseGpa(text, s), (reason) => t(`elig-gpa-${reason}`, { scale: s, example }), typical);
    }

    const certificates: Certificate[] = [];
    while (certificates.length < MAX_CERTIFICATES) {
      const exams = (Object.keys(EXAMS) as Exam[]).filter((e) => !certificates.some((c) => c.exam === e));
      const options = [...exams.map((e) => [examName(e), e] as const), [t("elig-no-more"), "none"] as const];
      const exam = await ask.choice(`cert${certificates.length}`, t("elig-ask-certificate"), options, 3);
      if (exam === "none") break;
      const { min, max } = EXAMS[exam];
      const score = await ask.typed(
        `score${certificates.length}`,
        t("elig-ask-score", { exam: examName(exam) }),
        (text) => parseScore(exam, text),
        () => t("elig-score-invalid", { exam: examName(exam), min, max }),
        typicalScores(exam).map((v) => [v, v] as const),
      );
      certificates.push({ exam, score });
    }

    // From a program's card, that program is the interest; otherwise ask for a country.
    const countries = await conversation.external(() => countriesWithPrograms(reader.kb, reader.lang));
    const interest =
      programOfInterest ??
      (await ask.choice("interest", t("elig-ask-interest"), countries.map((c) => [c.title, c.id] as const), 2, [[t("elig-any-country"), "any"] as const]));

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
  feature.use(async (ctx, next) => {
    if (ctx.hasCommand("cancel")) return void (await ctx.reply(mainMenu(ctx).html, { reply_markup: mainMenu(ctx).keyboard }));
    return next();
  });
  feature.use(createConversation(eligibilityFlow, ELIGIBILITY));
  feature.command("eligibility", (ctx) => ctx.conversation.enter(ELIGIBILITY, ctx.uiLang));
  feature.callbackQuery(callback.eligibility(), (ctx) => ctx.conversation.enter(ELIGIBILITY, ctx.uiLang));
  feature.callbackQuery(callback.eligibilityFor.pattern, (ctx) => ctx.conversation.enter(ELIGIBILITY, ctx.uiLang, callback.eligibilityFor.read(ctx.match).id));
  return feature;
}

/** Partner countries that have programs, for the "interest" question; by name, for a list of many pages. */
function countriesWithPrograms(kb: KnowledgeBase, lang: Lang) {
  const ids = new Set(programsOf(kb).flatMap((p) => p.program.countries));
  return [...ids].map((id) => ({ id, title: kb.byId.get(id)!.title[lang] })).sort((a, b) => a.title.localeCompare(b.title, lang));
}

/** The answer: what fits now, what nearly fits and what is missing (the program or country of interest first), the rest counted. */
function resultMessage(t: T, kb: KnowledgeBase, lang: Lang, verdicts: ProgramVerdict[], interest: string) {
  const title = (id: string) => kb.byId.get(id)!.title[lang];
  const preferred = (v: ProgramVerdict) =>
    v.programId === interest || (kb.byId.get(v.programId) as { program: { countries: string[] } }).program.countries.includes(interest);
  const byInterest = (list: ProgramVerdict[]) => [...list.filter(preferred), ...list.filter((v) => !preferred(v))];
  const eligible = byInterest(verdicts.filter((v) => v.verdict === "eligible"));
  const nearly = byInterest(verdicts.filter((v) => v.verdict === "nearly"));
  const others = verdicts.length - eligible.length - nearly.length;
  const confirm = (v: ProgramVerdict) => (v.toConfirm ? ` ${t("card-marked-to-confirm")}` : "");
  const blocks: string[] = [];
  // The program the student asked about from its card gets an answer even when it is closed to them.
  const asked = verdicts.find((v) => v.programId === interest && v.verdict === "not");
  if (asked) blocks.push(t("elig-result-interest-not", { program: escapeHtml(title(asked.programId)), why: escapeHtml(asked.gaps.map((g) => describeGap(t, g)).join("; ")) }));
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
    .map((v) => [InlineKeyboard.text(t("elig-apply-button", { program: title(v.programId) }), callback.applyStart(v.programId))]);
  return { html: blocks.join("\n\n"), rows: [...rows, [InlineKeyboard.text(t("card-contacts-button"), callback.entry(DEPARTMENT_CONTACT)), homeButton({ t, lang })]] };
}

/**
 * Questions inside the flow: a choice of buttons, or a typed answer read and
 * checked. Each question has its own key in its buttons, so a button of an
 * earlier question is ignored, and its own Back, which rewinds to the question
 * before (the plugin's checkpoints).
 */
function asker(conversation: Flow, ctx: Context, t: T) {
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

  return {
    /**
     * Buttons, a page at a time when there are many (the countries grow with
     * the knowledge base), `always` under every page; typing an option's label
     * counts too, and after two misses the buttons are sent again.
     */
    async choice<V extends string>(
      key: string,
      question: string,
      options: readonly (readonly [label: string, value: V])[],
      perRow = 1,
      always: readonly (readonly [label: string, value: V])[] = [],
    ): Promise<V> {
      const back = begin();
      const button = ([label, value]: readonly [string, V]) => InlineKeyboard.text(label, callback.flowAnswer(key, value));
      const screen = (n: number) => {
        const page = pageOf(options, n);
        const keyboard = keyboardOf(...rowsOf(page.items.map(button), perRow), pageButtons(t, page, (p) => callback.flowPage(key, p)), ...rowsOf(always.map(button), perRow), controls(key, back));
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
        const typed = update.message?.text?.trim().toLowerCase();
        const choices = [...options, ...always];
        const value = (await pressed(update, key, back)) ?? choices.find(([label]) => label.toLowerCase() === typed)?.[1];
        if (value !== undefined && choices.some(([, v]) => v === value)) return value as V;
        if (update.callbackQuery) continue; // a button of an earlier question: ignored
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
      await ctx.reply(question, { reply_markup: suggestNow ? suggested : keyboardOf(controls(key, back)) });
      for (let failures = 0; ; ) {
        const update = await answer();
        const text = (await pressed(update, key, back)) ?? update.message?.text;
        if (text === undefined) {
          if (!update.callbackQuery) await update.reply(t("elig-type-answer"));
          continue;
        }
        const parsed = read(text);
        if (parsed.ok) return parsed.value;
        failures++;
        await update.reply(retry(parsed.reason), failures >= 2 && suggestions.length > 0 ? { reply_markup: suggested } : {});
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
