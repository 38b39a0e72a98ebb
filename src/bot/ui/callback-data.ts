/**
 * Button payloads. Telegram allows 1-64 bytes of callback_data. Each kind of
 * button has one definition here (`button(...)`) that both builds its data
 * and reads it back, so a prefix can't be renamed on one side only: the
 * features route presses with `.pattern` and read the fields with `.read`
 * (a handler's ctx.match) or `.parse` (any data), and no feature keeps a
 * regex of its own on callback data.
 *
 * A small helper of our own rather than the `callback-data` npm package: that
 * package writes its own layout (`prefix:a:b` with every field, and no
 * optional trailing page), and the data already sent in users' chats must
 * keep working byte for byte: `programs` and `programs:2`, `e:koica` and
 * `e:koica:1`, `s/bc:cancel!:7`.
 */
import { SECTION_FACETS } from "../../answers/facets.js";

const LIMIT = 64;

function checked(data: string): string {
  if (Buffer.byteLength(data, "utf8") > LIMIT) throw new Error(`callback_data over ${LIMIT} bytes: ${data}`);
  return data;
}

/**
 * How a field is written and read: `id` has no colon, `int` is digits,
 * `rest` is anything to the end (last only), `page` is an optional last
 * number left out at 0 (older messages carry the data without it),
 * `page0` a last number defaulting to 0 but always written, a list is one of
 * its words.
 */
type Kind = "id" | "int" | "rest" | "page" | "page0" | readonly string[];
/** A field `[name, kind]`, or a fixed word between fields. */
type Field = readonly [name: string, kind: Kind] | string;

type ValueOf<K> = K extends "int" | "page" | "page0" ? number : K extends readonly (infer W)[] ? W : string;
type Values<F extends readonly unknown[]> = F extends readonly [infer H, ...infer T]
  ? H extends readonly [string, infer K]
    ? K extends "page" | "page0"
      ? [page?: number]
      : [ValueOf<K>, ...Values<T>]
    : Values<T>
  : [];
type Parsed<F extends readonly Field[]> = { [E in Extract<F[number], readonly [string, Kind]> as E[0]]: ValueOf<E[1]> };

export interface ButtonKind<F extends readonly Field[]> {
  (...values: Values<F>): string;
  /** The fixed start of its data (the whole data of a button without fields); the fields follow, each after a ":". */
  readonly prefix: string;
  readonly hasFields: boolean;
  /** For `composer.callbackQuery(kind.pattern, ...)`. */
  readonly pattern: RegExp;
  /** The fields of a press routed by `pattern` (its ctx.match). */
  read(match: RegExpMatchArray | string): Parsed<F>;
  /** The fields of any data, or undefined when it is not this kind's. */
  parse(data: string | undefined): Parsed<F> | undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const SOURCE = { id: "[^:]+", int: "\\d+", rest: ".+", page: "\\d+", page0: "\\d+" } as const;
const isOptional = (kind: Kind) => kind === "page" || kind === "page0";

/** One kind of button: `prefix`, then its fields, each after a ":". */
export function button<const F extends readonly Field[]>(prefix: string, ...fields: F): ButtonKind<F> {
  const named = fields.filter((f): f is readonly [string, Kind] => typeof f !== "string");
  const source = fields
    .map((f) => {
      if (typeof f === "string") return `:${escape(f)}`;
      const [, kind] = f;
      const group = typeof kind === "string" ? `(${SOURCE[kind]})` : `(${kind.map(escape).join("|")})`;
      return kind === "page" ? `(?::${group})?` : `:${group}`;
    })
    .join("");
  const pattern = new RegExp(`^${escape(prefix)}${source}$`);
  const build = (...values: unknown[]): string => {
    let data = prefix;
    let i = 0;
    for (const f of fields) {
      if (typeof f === "string") {
        data += `:${f}`;
        continue;
      }
      const value = values[i++] ?? (isOptional(f[1]) ? 0 : undefined);
      if (value === undefined) throw new Error(`button ${prefix}: no ${f[0]}`);
      if (f[1] === "page" && value === 0) continue;
      data += `:${String(value)}`;
    }
    return fields.length === 0 ? data : checked(data);
  };
  const fieldsOf = (match: RegExpMatchArray) =>
    Object.fromEntries(
      named.map(([name, kind], i) => {
        const raw = match[i + 1];
        return [name, kind === "int" || isOptional(kind) ? Number(raw ?? 0) : raw];
      }),
    ) as Parsed<F>;
  return Object.assign(build as (...values: Values<F>) => string, {
    prefix,
    hasFields: fields.length > 0,
    pattern,
    read: (match: RegExpMatchArray | string) => {
      const found = typeof match === "string" ? pattern.exec(match) : match;
      if (!found) throw new Error(`not a ${prefix} button: ${String(match)}`);
      return fieldsOf(found);
    },
    parse: (data: string | undefined) => {
      const match = data === undefined ? null : pattern.exec(data);
      return match ? fieldsOf(match) : undefined;
    },
  });
}

/** Staff tools' buttons: the "s/" prefix makes them refused for anyone but staff (middleware/roles.ts). */
const STAFF_PREFIX = "s/";
export const staffButton = <const F extends readonly Field[]>(prefix: string, ...fields: F) => button(`${STAFF_PREFIX}${prefix}`, ...fields);
export const isStaffButton = (data: string): boolean => data.startsWith(STAFF_PREFIX);
/** The same test as a pattern, for routing. */
export const STAFF_BUTTON = new RegExp(`^${escape(STAFF_PREFIX)}`);

/** The guided conversations' own buttons (answers, pages, Cancel); "el" is from when the eligibility questionnaire was the only flow. */
const FLOW_PREFIX = "el";
export const isFlowButton = (data: string): boolean => data.startsWith(`${FLOW_PREFIX}:`);

export const callback = {
  menu: button("menu"),
  languages: button("langs"),
  language: button("lang", ["lang", "rest"]),
  /** The programs and countries lists, at a page (ui/paging.ts); page 0 keeps the list's plain data, which older messages carry. */
  programs: button("programs", ["page", "page"]),
  countries: button("countries", ["page", "page"]),
  /** Any knowledge entry's card; `page`: of a country's programs, of a program's countries. */
  entry: button("e", ["id", "id"], ["page", "page"]),
  /** One section of a program (its deadlines, documents, ...): the short answer to a question about it; `page`: of its countries. */
  facet: button("f", ["id", "id"], ["facet", SECTION_FACETS], ["page", "page"]),
  eligibility: button("eligibility"),
  /** "Am I eligible?" from a program's card: that program comes first in the answer. */
  eligibilityFor: button("elg", ["id", "rest"]),
  /**
   * An answer inside a guided conversation: its step and the value chosen
   * (the "el" bytes are from when the eligibility questionnaire was the only flow).
   */
  flowAnswer: button(FLOW_PREFIX, ["step", "id"], ["value", "rest"]),
  /** Another page of a step's choices (a value no choice has: ids have no colon). */
  flowPage: button(FLOW_PREFIX, ["step", "id"], "page", ["page", "int"]),
  flowCancel: button(`${FLOW_PREFIX}:cancel`),
  /** "Continue the questionnaire" under a question answered midway: the question the flow is at, sent again. */
  flowContinue: button(`${FLOW_PREFIX}:continue`),
  /**
   * "More details" under a question answered midway: the entry's full card as a
   * new message, the flow staying at its question. flowAnswer reads it too
   * (step "more", which no flow has): the flow reads it first, as it does flowPage.
   */
  flowMore: button(`${FLOW_PREFIX}:more`, ["id", "rest"]),
  /** "How to apply": the program chooser (at a page of programs), a page of a program's steps, ticking a document. */
  applyChooser: button("apply", ["page", "page"]),
  applyPage: button("ap", ["id", "id"], ["page", "int"]),
  /** The first page as a new message (from a message that should stay, like an eligibility result). */
  applyStart: button("aps", ["id", "rest"]),
  tick: button("ck", ["id", "id"], ["document", "int"]),
  /** Any staff data (see the staff definitions below for the buttons the bot makes). */
  staff: (data: string) => checked(`${STAFF_PREFIX}${data}`),
  /** Announcements: a page of the topics screen, switching a topic on that page, following a card's topic. */
  announcements: button("subs", ["page", "page0"]),
  toggleTopic: button("sub", ["page", "int"], ["topic", "rest"]),
  follow: button("fol", ["topic", "rest"]),
  /** "Stop all" on the topics screen (in place), and the button under every announcement delivered (a new message). */
  stopAllTopics: button("subs:off"),
  stopAnnouncements: button("subs:stop"),
  /** The once-only question to new users: every announcement, or none. */
  announcementsYes: button("subs:yes"),
  announcementsNo: button("subs:no"),
  /** Deadline reminders: set from a program's card, cancel, and the card as a new message under a reminder. */
  remind: button("rem", ["id", "rest"]),
  cancelReminder: button("remx", ["id", "rest"]),
  reminderCard: button("remc", ["id", "rest"]),
  /** "Ask the department" (ui/questions.ts): start typing a question, ask a logged query after a confirmation, send it, cancel. */
  questionWrite: button("q:new"),
  questionAsk: button("q:ask", ["log", "int"]),
  questionSend: button("q:send", ["log", "int"]),
  questionCancel: button("q:cancel"),
  /** "Was this helpful?" under a search answer (ui/feedback.ts): the answer's id (store.answers), y or n. */
  feedback: button("fb", ["answer", "int"], ["vote", ["y", "n"]]),
  /** /staff: add, remove a member. */
  staffAdd: staffButton("st:add"),
  staffRemove: staffButton("st:rm", ["user", "int"]),
  /** /unanswered: the list, a group of forms at a page, a picker's page, attaching to an entry, dismissing. */
  unanswered: staffButton("uq"),
  unansweredGroup: staffButton("ug", ["group", "int"], ["page", "int"]),
  unansweredPage: staffButton("up", ["picker", "int"], ["page", "int"]),
  unansweredAttach: staffButton("ua", ["picker", "int"], ["entry", "rest"]),
  unansweredDismiss: staffButton("ud", ["picker", "int"]),
  /** A broadcast's card (/broadcasts) and its actions. */
  broadcast: staffButton("bc", ["action", ["open", "pause", "resume", "cancel", "cancel!", "resend"]], ["id", "int"]),
  /** A /broadcast draft's choices. */
  broadcastStep: staffButton("bcf", ["value", "rest"]),
  /** Its audience step's choices, which broadcastStep also reads: a page of the topics, a topic, a language. */
  broadcastTopicsPage: staffButton("bcf:tp", ["page", "int"]),
  broadcastTopic: staffButton("bcf:t", ["topic", "rest"]),
  broadcastLanguage: staffButton("bcf:l", ["lang", "id"]),
  /** Under a program's new deadlines sent from the knowledge console: /broadcast at its preview, to that program's subscribers. */
  broadcastDeadlines: staffButton("bcd", ["program", "rest"]),
};

/**
 * Buttons about the presser's own settings: language, announcements,
 * reminders, ticked documents. On a message in a group they would change the
 * presser's settings and show them to everyone, so they are refused there
 * (middleware/chat-scope.ts). Every data under a prefix with fields counts
 * ("subs:..." too).
 */
const PERSONAL: readonly ButtonKind<readonly Field[]>[] = [
  callback.languages,
  callback.language,
  callback.announcements,
  callback.toggleTopic,
  callback.follow,
  callback.remind,
  callback.cancelReminder,
  callback.tick,
] as unknown as readonly ButtonKind<readonly Field[]>[];
export const isPersonalButton = (data: string): boolean => PERSONAL.some((b) => (b.hasFields ? data.startsWith(`${b.prefix}:`) : data === b.prefix));
