import { z } from "zod";
import { latinWordsIn } from "../text/translit.js";

/** The three languages every text in the knowledge base is written in. */
export const LANGS = ["uz", "ru", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const ENTRY_TYPES = ["program", "country", "topic", "contact"] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
export const isEntryType = (value: unknown): value is EntryType => (ENTRY_TYPES as readonly unknown[]).includes(value);

/** Folder of knowledge/ that holds each type: staff find a file by its kind. */
export const FOLDER_OF_TYPE: Record<EntryType, string> = {
  program: "programs",
  country: "countries",
  topic: "topics",
  contact: "contacts",
};

/**
 * Who may apply; the eligibility flow asks the user to pick one of these.
 * "candidate-of-science" is a teacher who holds the degree: the China
 * internships name candidates of science, not teachers.
 */
export const ROLES = ["bachelor", "master", "doctoral", "teacher", "candidate-of-science", "young-specialist"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that are also another: a candidate of science teaches, so a program open to teachers is open to them. */
export const ROLE_ALSO: Partial<Record<Role, readonly Role[]>> = { "candidate-of-science": ["teacher"] };

/** CEFR levels in order; a certificate of CEFR levels keeps its level as its place here (A1 = 1, C2 = 6). */
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;

/**
 * Language certificates: the range of each, its step (IELTS bands go by
 * halves), and what it gives: a score, a level number, or a CEFR level.
 */
export const EXAMS = {
  ielts: { min: 0, max: 9, step: 0.5, unit: "score" },
  toefl: { min: 0, max: 120, step: 1, unit: "score" },
  topik: { min: 1, max: 6, step: 1, unit: "level" },
  hsk: { min: 1, max: 6, step: 1, unit: "level" },
  russian: { min: 1, max: 4, step: 1, unit: "level" }, // TORFL (ТРКИ) level 1–4
  cefr: { min: 1, max: 6, step: 1, unit: "cefr" }, // any certificate of a CEFR level, A1–C2
  national: { min: 2, max: 5, step: 1, unit: "cefr" }, // Uzbekistan's national certificate (milliy sertifikat), A2–C1
} as const;
export type Exam = keyof typeof EXAMS;
export const EXAM_IDS = Object.keys(EXAMS) as [Exam, ...Exam[]];

/** A CEFR level's place (B2 is 4), or undefined for anything else. */
export const cefrLevel = (text: string): number | undefined => {
  const place = (CEFR_LEVELS as readonly string[]).indexOf(text.toUpperCase());
  return place < 0 ? undefined : place + 1;
};

const text = z.string({ error: "expected a text" }).trim().min(1, { error: "expected a non-empty text" });

/** A text in Uzbek Cyrillic: no Latin word but the names written in Latin everywhere (KOICA, IELTS), links and markup. */
const uzbekCyrillicText = text.refine((value) => latinWordsIn(value).length === 0, {
  error: ({ input }) =>
    `expected Uzbek in Cyrillic letters (Latin only for names like KOICA or IELTS, links and e-mails), found: ${latinWordsIn(String(input)).join(", ")}`,
});

/**
 * A text in each language. Readers of Uzbek in Cyrillic get the uz text
 * converted, or the optional `uz-cyrl` text where it is written.
 */
export const localized = z.strictObject(
  { uz: text, ru: text, en: text, "uz-cyrl": uzbekCyrillicText.optional() },
  { error: "expected texts in uz, ru and en (and optionally uz-cyrl)" },
);
export type Localized = z.infer<typeof localized>;

/** Ids travel in button data (64 bytes, with a prefix and a record number for staff buttons), hence the length limit. */
export const MAX_ID_LENGTH = 48;
const id = z
  .string({ error: "expected an id" })
  .max(MAX_ID_LENGTH, { error: `expected an id of at most ${MAX_ID_LENGTH} characters` })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "expected an id of lowercase letters, digits and dashes, e.g. south-korea" });

/** The yaml package (YAML 1.2) reads an unquoted 2026-11-28 as this string. */
const date = z.iso.date({ error: "expected a date as YYYY-MM-DD" });

const aliasList = z.array(text, { error: "expected a list of texts" });

/** A certificate's minimum: a number, or for a certificate of CEFR levels the level itself (`min: B2`). */
const languageRequirement = z
  .strictObject({
    exam: z.enum(EXAM_IDS, { error: `expected one of: ${EXAM_IDS.join(", ")}` }),
    min: z.union([z.number().nonnegative(), z.string()], { error: "expected a number, or a level such as B2" }),
  })
  .superRefine(({ exam, min }, ctx) => {
    const { min: lowest, max, unit } = EXAMS[exam];
    const level = typeof min === "string" ? cefrLevel(min) : undefined;
    const fits = unit === "cefr" ? level !== undefined && level >= lowest && level <= max : typeof min === "number" && min >= lowest && min <= max;
    if (fits) return;
    const range = unit === "cefr" ? `a level from ${CEFR_LEVELS[lowest - 1]} to ${CEFR_LEVELS[max - 1]}` : `min between ${lowest} and ${max}`;
    ctx.addIssue({ code: "custom", message: `expected ${range} for ${exam}`, path: ["min"] });
  })
  .transform(({ exam, min }) => ({ exam, min: typeof min === "string" ? cefrLevel(min)! : min }));

const eligibility = z
  .strictObject({
    to_confirm: z.boolean({ error: "expected true or false" }),
    /**
     * False for a program nobody applies to through the bot's questions (KOICA
     * brings foreign teachers to JSPU): no one is told they qualify, and its
     * notes say what it is and whom to ask.
     */
    assessed: z.boolean({ error: "expected true or false" }).default(true),
    roles: z.array(z.enum(ROLES, { error: `expected one of: ${ROLES.join(", ")}` })).default([]),
    /** For bachelor students only: a master's or doctoral student's year never counts against them. */
    year_of_study: z
      .strictObject({ min: z.int().min(1).max(6).optional(), max: z.int().min(1).max(6).optional() })
      .refine((y) => y.min === undefined || y.max === undefined || y.min <= y.max, { error: "expected min not above max" })
      .optional(),
    /** For students only (bachelor's, master's, doctoral): a teacher's or young specialist's GPA never counts against them. */
    min_gpa: z
      .strictObject({ value: z.number().positive(), scale: z.union([z.literal(5), z.literal(100)], { error: "expected scale 5 or 100" }) })
      .refine((gpa) => gpa.value <= gpa.scale, { error: "expected a value not above the scale" })
      .optional(),
    /** Any one of these certificates is enough; omitted or empty when none is required. */
    languages: z.array(languageRequirement).default([]),
    notes: z.array(localized).default([]),
  })
  .superRefine((rules, ctx) => {
    if (rules.assessed && rules.roles.length === 0) ctx.addIssue({ code: "custom", message: "expected at least one role", path: ["roles"] });
    if (rules.assessed) return;
    if (rules.notes.length === 0) ctx.addIssue({ code: "custom", message: "expected a note saying what the program does and whom to ask", path: ["notes"] });
    for (const field of ["roles", "year_of_study", "min_gpa", "languages"] as const) {
      const value = rules[field];
      if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
        ctx.addIssue({ code: "custom", message: "expected no criteria on a program that is not assessed (assessed: false)", path: [field] });
      }
    }
  });

const steps = z.strictObject({ to_confirm: z.boolean(), items: z.array(localized).min(1, { error: "expected at least one step" }) });

const documents = z.strictObject({
  to_confirm: z.boolean(),
  items: z.array(z.strictObject({ id, text: localized })),
});

const deadlines = z.strictObject({
  to_confirm: z.boolean(),
  items: z.array(z.strictObject({ date, note: localized })),
  note: localized.optional(),
});

/** A fact the department states in a sentence or two (the cost, how long it lasts); absent until it publishes one. */
const statement = z.strictObject({ to_confirm: z.boolean(), text: localized });

const program = z.strictObject({
  countries: z.array(id).default([]),
  contact: id,
  eligibility,
  steps,
  documents,
  deadlines,
  /** What taking part costs and what is paid for (fees, grants, scholarships). */
  cost: statement.optional(),
  /** How long the program, internship or exchange lasts. */
  duration: statement.optional(),
});

const phone = z.strictObject({
  number: z.string().regex(/^\+\d[\d ]{7,18}$/, { error: "expected an international number, e.g. +998 91 209 07 66" }),
  who: localized,
});

const contact = z.strictObject({
  phones: z.array(phone).min(1, { error: "expected at least one phone" }),
  office_hours: localized.optional(),
});

const base = {
  id,
  updated: date,
  title: localized,
  summary: localized,
  body: localized,
  aliases: z.strictObject({ uz: aliasList, ru: aliasList, en: aliasList }, { error: "expected alias lists for uz, ru and en" }),
  links: z.array(id).default([]),
  /** True when the texts go beyond the department's own text. */
  to_confirm: z.boolean().default(false),
};

export const entrySchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ ...base, type: z.literal("program"), program }),
    z.strictObject({ ...base, type: z.literal("country") }),
    z.strictObject({ ...base, type: z.literal("topic") }),
    z.strictObject({ ...base, type: z.literal("contact"), contact }),
  ],
  { error: `expected type to be one of: ${ENTRY_TYPES.join(", ")}` },
);

export type Entry = z.infer<typeof entrySchema>;
export type ProgramEntry = Extract<Entry, { type: "program" }>;
export type ContactEntry = Extract<Entry, { type: "contact" }>;
export type CountryEntry = Extract<Entry, { type: "country" }>;

/**
 * knowledge/out-of-scope.yaml: questions students bring to the department
 * that another office answers (the tuition contract, the dormitory), each
 * with the wordings that ask it and a short pointer.
 */
export const OUT_OF_SCOPE_FILE = "out-of-scope.yaml";

export const outOfScopeSchema = z.strictObject({
  topics: z.array(
    z.strictObject({
      id,
      /** Words or phrases that ask about it; a question with every word of one of them is about it. */
      asked_as: z.strictObject({ uz: aliasList, ru: aliasList, en: aliasList }, { error: "expected lists of wordings for uz, ru and en" }),
      answer: localized,
      /** True when the pointer goes beyond the department's own text. */
      to_confirm: z.boolean().default(false),
    }),
  ),
});
export type OutOfScopeTopic = z.infer<typeof outOfScopeSchema>["topics"][number];
