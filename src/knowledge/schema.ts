import { z } from "zod";

/** The three languages every text in the knowledge base is written in. */
export const LANGS = ["uz", "ru", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const ENTRY_TYPES = ["program", "country", "topic", "contact"] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** Folder of knowledge/ that holds each type: staff find a file by its kind. */
export const FOLDER_OF_TYPE: Record<EntryType, string> = {
  program: "programs",
  country: "countries",
  topic: "topics",
  contact: "contacts",
};

/** Who may apply; the eligibility flow asks the user to pick one of these. */
export const ROLES = ["bachelor", "master", "doctoral", "teacher", "young-specialist"] as const;
export type Role = (typeof ROLES)[number];

/** Language certificates, with the score scale each one uses. */
/** Language certificates: the score scale each uses, and its step (IELTS bands go by halves). */
export const EXAMS = {
  ielts: { min: 0, max: 9, step: 0.5 },
  toefl: { min: 0, max: 120, step: 1 },
  topik: { min: 1, max: 6, step: 1 },
  hsk: { min: 1, max: 6, step: 1 },
  russian: { min: 1, max: 4, step: 1 }, // TORFL (ТРКИ) level 1–4
} as const;
export type Exam = keyof typeof EXAMS;

const text = z.string({ error: "expected a text" }).trim().min(1, { error: "expected a non-empty text" });

export const localized = z.strictObject(
  { uz: text, ru: text, en: text },
  { error: "expected texts in uz, ru and en" },
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

const eligibility = z
  .strictObject({
    to_confirm: z.boolean({ error: "expected true or false" }),
    roles: z.array(z.enum(ROLES, { error: `expected one of: ${ROLES.join(", ")}` })).min(1, { error: "expected at least one role" }),
    year_of_study: z
      .strictObject({ min: z.int().min(1).max(6).optional(), max: z.int().min(1).max(6).optional() })
      .refine((y) => y.min === undefined || y.max === undefined || y.min <= y.max, { error: "expected min not above max" })
      .optional(),
    min_gpa: z
      .strictObject({ value: z.number().positive(), scale: z.union([z.literal(5), z.literal(100)], { error: "expected scale 5 or 100" }) })
      .refine((gpa) => gpa.value <= gpa.scale, { error: "expected a value not above the scale" })
      .optional(),
    /** Any one of these certificates is enough; omitted or empty when none is required. */
    languages: z
      .array(
        z
          .strictObject({
            exam: z.enum(Object.keys(EXAMS) as [Exam, ...Exam[]], { error: `expected one of: ${Object.keys(EXAMS).join(", ")}` }),
            min: z.number().nonnegative(),
          })
          .refine(({ exam, min }) => min >= EXAMS[exam].min && min <= EXAMS[exam].max, {
            error: ({ input }) => {
              const { exam } = input as { exam: Exam };
              return `expected min between ${EXAMS[exam].min} and ${EXAMS[exam].max} for ${exam}`;
            },
            path: ["min"],
          }),
      )
      .default([]),
    notes: z.array(localized).default([]),
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
