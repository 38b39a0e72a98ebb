/**
 * Button payloads. Telegram allows 1-64 bytes of callback_data; building every
 * payload here keeps them short and checked in one place.
 */
import type { Topic } from "../../storage/subscriptions.js";

const LIMIT = 64;

function checked(data: string): string {
  if (Buffer.byteLength(data, "utf8") > LIMIT) throw new Error(`callback_data over ${LIMIT} bytes: ${data}`);
  return data;
}

export const callback = {
  menu: () => "menu",
  languages: () => "langs",
  language: (lang: string) => checked(`lang:${lang}`),
  /** The programs and countries lists, at a page (ui/paging.ts). */
  programs: (page = 0) => paged("programs", page),
  countries: (page = 0) => paged("countries", page),
  /** Any knowledge entry's card; `page`: of a country's programs, of a program's countries. */
  entry: (id: string, page = 0) => checked(page === 0 ? `e:${id}` : `e:${id}:${page}`),
  eligibility: () => "eligibility",
  /** "Am I eligible?" from a program's card: that program comes first in the answer. */
  eligibilityFor: (id: string) => checked(`elg:${id}`),
  /** An answer inside a guided conversation: its step and the value chosen. */
  step: (step: string, value: string) => checked(`el:${step}:${value}`),
  /** Another page of a step's choices (a value no choice has: ids have no colon). */
  stepPage: (step: string, page: number) => checked(`el:${step}:page:${page}`),
  cancel: () => "el:cancel",
  /** "How to apply": the program chooser (at a page of programs), a page of a program's steps, ticking a document. */
  applyChooser: (page = 0) => paged("apply", page),
  applyPage: (id: string, page: number) => checked(`ap:${id}:${page}`),
  /** The first page as a new message (from a message that should stay, like an eligibility result). */
  applyStart: (id: string) => checked(`aps:${id}`),
  tick: (id: string, document: number) => checked(`ck:${id}:${document}`),
  /** Staff tools' buttons: the "s/" prefix makes them refused for anyone but staff (middleware/roles.ts). */
  staff: (data: string) => checked(`s/${data}`),
  /** Announcements: a page of the topics screen, switching a topic on that page, following a card's topic. */
  announcements: (page = 0) => checked(`subs:${page}`),
  toggleTopic: (topic: Topic, page: number) => checked(`sub:${page}:${topic}`),
  follow: (topic: Topic) => checked(`fol:${topic}`),
  /** "Stop all" on the topics screen (in place), and the button under every announcement delivered (a new message). */
  stopAllTopics: () => "subs:off",
  stopAnnouncements: () => "subs:stop",
  /** The once-only question to new users: every announcement, or none. */
  announcementsYes: () => "subs:yes",
  announcementsNo: () => "subs:no",
  /** Deadline reminders: set from a program's card, cancel, and the card as a new message under a reminder. */
  remind: (id: string) => checked(`rem:${id}`),
  cancelReminder: (id: string) => checked(`remx:${id}`),
  reminderCard: (id: string) => checked(`remc:${id}`),
};

/** A list's page: page 0 keeps the list's plain data, which older messages carry. */
const paged = (list: string, page: number) => (page === 0 ? list : checked(`${list}:${page}`));

export const STAFF_BUTTON = /^s\//;

/**
 * Buttons about the presser's own settings: language, announcements,
 * reminders, ticked documents. On a message in a group they would change the
 * presser's settings and show them to everyone, so they are refused there
 * (middleware/chat-scope.ts).
 */
const PERSONAL_BUTTON = /^(?:langs$|lang:|subs:|sub:|fol:|rem:|remx:|ck:)/;
export const isPersonalButton = (data: string): boolean => PERSONAL_BUTTON.test(data);

export const LANGUAGE_BUTTON = /^lang:(.+)$/;
/** match[1]: the entry's id, match[2]: the page (undefined: the first). */
export const ENTRY_BUTTON = /^e:([^:]+)(?::(\d+))?$/;
/** The page asked for is match[1] (undefined: the first). */
export const PROGRAMS_PAGE = /^programs(?::(\d+))?$/;
export const COUNTRIES_PAGE = /^countries(?::(\d+))?$/;
export const APPLY_CHOOSER_PAGE = /^apply(?::(\d+))?$/;
/** match[1]: the step, match[2]: the page. */
export const STEP_PAGE = /^el:([^:]+):page:(\d+)$/;
export const ANNOUNCEMENTS_PAGE = /^subs:(\d+)$/;
export const TOGGLE_TOPIC_BUTTON = /^sub:(\d+):(.+)$/;
export const FOLLOW_BUTTON = /^fol:(.+)$/;
export const REMIND_BUTTON = /^rem:(.+)$/;
export const CANCEL_REMINDER_BUTTON = /^remx:(.+)$/;
export const REMINDER_CARD_BUTTON = /^remc:(.+)$/;
