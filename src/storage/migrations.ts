/**
 * The database schema, as an append-only list: migration N brings a database
 * from user_version N-1 to N. Never edit a migration that has shipped; add one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: users and the updates already handled
  `
  CREATE TABLE users (
    id            INTEGER PRIMARY KEY,          -- Telegram user id (= private chat id)
    first_name    TEXT    NOT NULL DEFAULT '',
    username      TEXT,
    language_code TEXT,                         -- what Telegram says the user's app language is
    lang          TEXT,                         -- what the user chose: uz, uz-cyrl, ru, en; NULL until they choose
    first_seen    INTEGER NOT NULL,             -- unix ms
    last_seen     INTEGER NOT NULL,
    blocked       INTEGER NOT NULL DEFAULT 0    -- 1 when the user blocked the bot or deleted their account
  );
  CREATE TABLE handled_updates (
    update_id  INTEGER PRIMARY KEY,
    handled_at INTEGER NOT NULL
  );
  CREATE INDEX handled_updates_by_time ON handled_updates (handled_at);
  `,
  // 2: guided conversations in progress, so a restart resumes them
  `
  CREATE TABLE conversations (
    key        TEXT PRIMARY KEY,               -- the chat
    state      TEXT NOT NULL,                  -- the conversations plugin's versioned state, as JSON
    updated_at INTEGER NOT NULL
  );
  `,
  // 3: the documents each user has ticked on a program's checklist
  `
  CREATE TABLE document_checks (
    user_id     INTEGER NOT NULL,
    program_id  TEXT    NOT NULL,
    document_id TEXT    NOT NULL,
    checked_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, program_id, document_id)
  );
  `,
];
