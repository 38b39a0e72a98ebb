/**
 * Button payloads. Telegram allows 1-64 bytes of callback_data; building every
 * payload here keeps them short and checked in one place.
 */
const LIMIT = 64;

function checked(data: string): string {
  if (Buffer.byteLength(data, "utf8") > LIMIT) throw new Error(`callback_data over ${LIMIT} bytes: ${data}`);
  return data;
}

export const callback = {
  menu: () => "menu",
  languages: () => "langs",
  language: (lang: string) => checked(`lang:${lang}`),
  programs: () => "programs",
  countries: () => "countries",
  /** Any knowledge entry's card. */
  entry: (id: string) => checked(`e:${id}`),
  eligibility: () => "eligibility",
  /** "Am I eligible?" from a program's card: that program comes first in the answer. */
  eligibilityFor: (id: string) => checked(`elg:${id}`),
  /** An answer inside a guided conversation: its step and the value chosen. */
  step: (step: string, value: string) => checked(`el:${step}:${value}`),
  cancel: () => "el:cancel",
  /** "How to apply": the program chooser, a page of a program's steps, ticking a document. */
  applyChooser: () => "apply",
  applyPage: (id: string, page: number) => checked(`ap:${id}:${page}`),
  /** The first page as a new message (from a message that should stay, like an eligibility result). */
  applyStart: (id: string) => checked(`aps:${id}`),
  tick: (id: string, document: number) => checked(`ck:${id}:${document}`),
};

export const LANGUAGE_BUTTON = /^lang:(.+)$/;
export const ENTRY_BUTTON = /^e:(.+)$/;
