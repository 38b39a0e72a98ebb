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
  // 4: staff tools: roles, subscriptions, broadcasts, questions to staff, learning, reminders, statistics
  `
  CREATE TABLE staff (
    user_id  INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL DEFAULT '',
    added_by INTEGER NOT NULL,
    added_at INTEGER NOT NULL
  );
  CREATE TABLE staff_menus (                   -- whose chat shows the staff commands, to hide them from ex-staff
    user_id INTEGER PRIMARY KEY
  );
  ALTER TABLE users ADD COLUMN subscription_asked INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE subscriptions (
    user_id    INTEGER NOT NULL,
    topic      TEXT    NOT NULL,               -- 'all', 'program:<id>' or 'country:<id>'
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, topic)
  ) WITHOUT ROWID;
  CREATE INDEX subscriptions_by_topic ON subscriptions (topic, user_id);
  CREATE TABLE broadcasts (
    id                  INTEGER PRIMARY KEY,
    created_by          INTEGER NOT NULL,
    audience            TEXT    NOT NULL,      -- JSON, see src/broadcast/audience.ts
    source_chat_id      INTEGER NOT NULL,      -- the staff member's chat holding the message to copy
    message_ids         TEXT    NOT NULL,      -- JSON array: one message, or an album's messages
    status              TEXT    NOT NULL,      -- scheduled, running, paused, cancelled, done
    scheduled_at        INTEGER,               -- unix ms; NULL for "now"
    created_at          INTEGER NOT NULL,
    started_at          INTEGER,
    finished_at         INTEGER,
    progress_chat_id    INTEGER NOT NULL,      -- where the live progress message is
    progress_message_id INTEGER NOT NULL,
    lang                TEXT    NOT NULL,      -- the staff member's language, for the progress message
    resend_of           INTEGER,               -- a resend: the first broadcast of its family (resends of resends too)
    reported_at         INTEGER,               -- when the final report went out (done or cancelled)
    problem             TEXT                   -- why the engine paused it by itself: source-missing, bot-rejected
  );
  CREATE INDEX broadcasts_by_status ON broadcasts (status, scheduled_at);
  -- A message is announced once: a "Send now" replayed after a crash finds the broadcast it made.
  CREATE UNIQUE INDEX broadcasts_once_per_message ON broadcasts (source_chat_id, message_ids) WHERE resend_of IS NULL;
  CREATE TABLE broadcast_recipients (
    broadcast_id    INTEGER NOT NULL REFERENCES broadcasts (id),
    user_id         INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending', -- pending, sent, failed, blocked
    attempts        INTEGER NOT NULL DEFAULT 0,         -- failed attempts so far
    next_attempt_at INTEGER NOT NULL DEFAULT 0,         -- unix ms; a retry waits until then
    error           TEXT,
    PRIMARY KEY (broadcast_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX broadcast_recipients_by_status ON broadcast_recipients (broadcast_id, status, user_id);
  -- A student's rows across broadcasts: /stop withdraws them, a resend checks who was reached already.
  CREATE INDEX broadcast_recipients_by_user ON broadcast_recipients (user_id, broadcast_id);
  CREATE TABLE questions (
    id               INTEGER PRIMARY KEY,
    user_id          INTEGER NOT NULL,
    text             TEXT    NOT NULL,
    lang             TEXT    NOT NULL,
    asked_at         INTEGER NOT NULL,
    staff_chat_id    INTEGER,                  -- the post in the staff chat that staff reply to
    staff_message_id INTEGER,
    answered_at      INTEGER,
    answered_by      INTEGER
  );
  CREATE INDEX questions_by_post ON questions (staff_chat_id, staff_message_id);
  CREATE INDEX questions_open ON questions (answered_at, asked_at);
  CREATE INDEX questions_by_user ON questions (user_id, answered_at);
  CREATE TABLE unanswered_queries (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER,
    query          TEXT    NOT NULL,           -- as typed
    normalized     TEXT    NOT NULL,           -- search's normal form, to group repeats
    lang           TEXT    NOT NULL,           -- the language search read it in: uz, ru, en
    asked_at       INTEGER NOT NULL,
    resolved_at    INTEGER,                    -- when staff attached it to an entry, or dismissed it
    resolved_by    INTEGER,
    resolved_entry TEXT                        -- the entry staff attached it to; NULL when dismissed
  );
  CREATE INDEX unanswered_open ON unanswered_queries (resolved_at, normalized);
  CREATE TABLE learned_aliases (
    entry_id    TEXT    NOT NULL,
    lang        TEXT    NOT NULL,
    alias       TEXT    NOT NULL,
    added_by    INTEGER NOT NULL,
    added_at    INTEGER NOT NULL,
    exported_at INTEGER,                       -- when kb:export-aliases wrote it into the knowledge files
    PRIMARY KEY (entry_id, lang, alias)
  ) WITHOUT ROWID;
  CREATE TABLE reminders (
    user_id    INTEGER NOT NULL,
    program_id TEXT    NOT NULL,
    deadline   TEXT    NOT NULL,               -- YYYY-MM-DD, the deadline reminded of
    remind_at  INTEGER NOT NULL,               -- unix ms
    sent_at    INTEGER,                        -- set before sending: a reminder is never sent twice
    PRIMARY KEY (user_id, program_id, deadline)
  ) WITHOUT ROWID;
  CREATE INDEX reminders_due ON reminders (sent_at, remind_at);
  CREATE TABLE usage_counts (                  -- what /stats shows: counters per day
    kind    TEXT    NOT NULL,                  -- entry-answered, flow-started, flow-completed
    subject TEXT    NOT NULL,                  -- an entry id or a flow name
    day     TEXT    NOT NULL,                  -- YYYY-MM-DD in Tashkent
    count   INTEGER NOT NULL,
    PRIMARY KEY (kind, subject, day)
  ) WITHOUT ROWID;
  `,
  // 5: bot tokens scrubbed from the delivery errors kept before they were redacted (a network error quoted the request URL,
  // token and all); redact_secrets is src/secrets.ts, registered by database.ts, which also rebuilds the file afterwards
  `
  UPDATE broadcast_recipients SET error = redact_secrets(error) WHERE error <> redact_secrets(error);
  `,
  // 6: what each /unanswered picker showed, so a tap attaches exactly the wordings staff read
  `
  CREATE TABLE unanswered_pickers (
    id        INTEGER PRIMARY KEY,
    query_ids TEXT    NOT NULL,                -- JSON: the group's forms, most asked first, each as the row whose wording was shown
    shown_at  INTEGER NOT NULL
  );
  `,
  // 7: what each broadcast's progress message shows, so that after a restart it is not edited to the same (Telegram refuses that)
  `
  ALTER TABLE broadcasts ADD COLUMN progress_shown TEXT;  -- a digest of its text and buttons (src/bot/ui/view.ts)
  `,
  // 8: the language last guessed from what a user typed, for their button presses and the deliveries to them while they choose none
  `
  ALTER TABLE users ADD COLUMN guessed_lang TEXT;  -- uz, uz-cyrl, ru, en; NULL until the bot guesses (never a choice: lang is)
  `,
  // 9: the answers search gave, and whether the student found each helpful ("Was this helpful?" under them; /stats)
  `
  CREATE TABLE search_answers (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL,
    query       TEXT    NOT NULL,              -- as typed, at most as long as unanswered_queries keeps one (200 characters)
    query_cut   INTEGER NOT NULL DEFAULT 0,    -- 1: the question was longer and is kept cut (a question for a person, not logged to /unanswered)
    lang        TEXT    NOT NULL,              -- the language search read it in: uz, ru, en
    facet       TEXT,                          -- the part of the entry the answer was about, if any
    entry_ids   TEXT    NOT NULL,              -- JSON: the entries shown, the answer first
    asked_at    INTEGER NOT NULL,              -- unix ms
    helpful     INTEGER,                       -- 1 helpful, 0 not; NULL until the student says
    answered_at INTEGER                        -- when the student said it
  );
  CREATE INDEX search_answers_by_time ON search_answers (asked_at);
  `,
  // 10: the /unanswered log row of an answer that left the question open, so a 👎 on it does not log the question twice
  `
  ALTER TABLE search_answers ADD COLUMN unanswered_id INTEGER;  -- unanswered_queries.id, NULL when the answer was not logged
  `,
  // 11: the knowledge console: every publish of an entry, its one-time login links and its sessions (only hashes of their secrets)
  `
  CREATE TABLE knowledge_revisions (
    id        INTEGER PRIMARY KEY,
    entry_id  TEXT    NOT NULL,
    revision  TEXT    NOT NULL,                -- the entry's revision after the publish (src/knowledge/edit.ts), 'archived' once archived
    by_id     INTEGER NOT NULL,                -- the staff member's Telegram user id
    by_name   TEXT    NOT NULL,
    at        INTEGER NOT NULL,                -- unix ms
    before    TEXT,                            -- the file's text before; NULL for a new entry
    after     TEXT                             -- the file's text after; NULL once archived
  );
  CREATE INDEX knowledge_revisions_by_entry ON knowledge_revisions (entry_id, id);
  CREATE TABLE console_logins (
    token_hash TEXT    PRIMARY KEY,            -- SHA-256 of the link's token: the token itself is never stored
    user_id    INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX console_logins_by_user ON console_logins (user_id, created_at);
  CREATE TABLE console_sessions (
    id_hash    TEXT    PRIMARY KEY,            -- SHA-256 of the session cookie
    user_id    INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
];
