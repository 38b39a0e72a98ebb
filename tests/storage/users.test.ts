/** The language guessed from what a user typed: kept apart from their choice, across restarts, and in language audiences. */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import { MIGRATIONS } from "../../src/storage/migrations.js";
import { Store } from "../../src/storage/store.js";

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "store-users-"));
  path = join(dir, "bot.sqlite");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const reopened = (store: Store) => {
  store.close();
  return new Store(openDatabase(path));
};

it("a database from before guesses keeps its users, with no guess and their choice as it was", () => {
  const old = new Database(path);
  old.function("redact_secrets", (text: unknown) => text); // migration 5's, with no token here to scrub
  MIGRATIONS.slice(0, 7).forEach((sql) => old.exec(sql));
  old.pragma("user_version = 7");
  old.exec(`INSERT INTO users (id, first_name, language_code, lang, first_seen, last_seen) VALUES (1, 'Dilnoza', 'de', 'ru', 0, 0), (2, 'Hans', 'de', NULL, 0, 0)`);
  old.close();

  const store = new Store(openDatabase(path));
  expect(store.users.get(1)).toMatchObject({ lang: "ru", guessedLang: null });
  expect(store.users.get(2)).toMatchObject({ lang: null, guessedLang: null });
  store.close();
});

it("a guess is kept across a restart, replaced by the next one, and neither is a choice nor undoes one", () => {
  let store = new Store(openDatabase(path));
  store.users.see({ id: 1, firstName: "Hans", languageCode: "de" });
  store.users.setGuessedLanguage(1, "ru");
  store = reopened(store);
  expect(store.users.get(1)).toMatchObject({ lang: null, guessedLang: "ru" });

  // Seen again (a new first name): the guess stays.
  store.users.see({ id: 1, firstName: "Hans-Peter", languageCode: "de" });
  store.users.setGuessedLanguage(1, "uz-cyrl");
  store = reopened(store);
  expect(store.users.get(1)).toMatchObject({ firstName: "Hans-Peter", lang: null, guessedLang: "uz-cyrl" });

  store.users.setLanguage(1, "en");
  store.users.setGuessedLanguage(1, "ru");
  store = reopened(store);
  expect(store.users.get(1)).toMatchObject({ lang: "en", guessedLang: "ru" });
  store.close();
});

it("a guess for a user never seen is not kept", () => {
  const store = new Store(openDatabase(path));
  store.users.setGuessedLanguage(5, "ru");
  expect(reopened(store).users.get(5)).toBeUndefined();
});

it("an audience narrowed to a language counts each subscriber in their choice, else their guess, else Uzbek", () => {
  const store = new Store(openDatabase(path));
  const subscriber = (id: number, lang: "en" | undefined, guess: "ru" | "uz-cyrl" | undefined) => {
    store.users.see({ id, firstName: `user ${id}`, languageCode: "de" });
    if (lang) store.users.setLanguage(id, lang);
    if (guess) store.users.setGuessedLanguage(id, guess);
    store.subscriptions.subscribe(id, "all");
  };
  subscriber(1, undefined, "ru");
  subscriber(2, undefined, "uz-cyrl");
  subscriber(3, "en", "ru"); // chose English after writing in Russian
  subscriber(4, undefined, undefined);
  store.flush();
  const count = (lang: "uz" | "uz-cyrl" | "ru" | "en") => store.subscriptions.countAudience({ topic: "all", lang });
  expect([count("ru"), count("uz-cyrl"), count("en"), count("uz")]).toEqual([1, 1, 1, 1]);
  store.close();
});
