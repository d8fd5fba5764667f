import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Lotse's embedded store (`DATA_DIR/lotse.db`): SQLite in WAL mode with numbered migrations.
 * What it keeps is deliberately little — see the README's privacy section.
 */

export type Db = Database.Database;

/** Migrations in order; a migration is never edited once released, only followed by a new one. */
const MIGRATIONS: string[] = [
  `CREATE TABLE chats (
     channel      TEXT NOT NULL,
     chat_id      TEXT NOT NULL,
     region       TEXT,
     language     TEXT,
     language_chosen INTEGER NOT NULL DEFAULT 0,
     topics       TEXT NOT NULL DEFAULT '[]',
     last_results TEXT,
     awaiting     TEXT,
     consent_at   TEXT,
     created_at   TEXT NOT NULL,
     updated_at   TEXT NOT NULL,
     PRIMARY KEY (channel, chat_id)
   ) WITHOUT ROWID`,
  // Anonymised on purpose: no chat id, no user id; for staff to find content gaps.
  `CREATE TABLE question_log (
     id         INTEGER PRIMARY KEY,
     region     TEXT NOT NULL,
     language   TEXT NOT NULL,
     text       TEXT NOT NULL,
     reason     TEXT NOT NULL CHECK (reason IN ('unanswered', 'not-helpful', 'helpful')),
     confidence REAL,
     top_hits   TEXT NOT NULL DEFAULT '[]',
     created_at TEXT NOT NULL
   );
   CREATE INDEX question_log_region_time ON question_log (region, created_at);
   CREATE TABLE feedback_messages (
     id         INTEGER PRIMARY KEY,
     region     TEXT,
     language   TEXT NOT NULL,
     text       TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`,
  // Announcements and their durable outbox: one delivery row per subscriber, written in one
  // transaction when the announcement starts (see src/broadcast).
  `ALTER TABLE chats ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
   CREATE TABLE announcements (
     id           INTEGER PRIMARY KEY,
     region       TEXT NOT NULL,
     topic        TEXT NOT NULL,
     texts        TEXT NOT NULL,
     link         TEXT,
     author       TEXT NOT NULL,
     fallback     TEXT NOT NULL CHECK (fallback IN ('main', 'none')),
     state        TEXT NOT NULL CHECK (state IN ('scheduled', 'running', 'done', 'cancelled')),
     source       TEXT UNIQUE,
     created_at   TEXT NOT NULL,
     scheduled_at TEXT NOT NULL,
     started_at   TEXT,
     finished_at  TEXT
   );
   CREATE INDEX announcements_due ON announcements (state, scheduled_at);
   CREATE TABLE deliveries (
     id              INTEGER PRIMARY KEY,
     announcement_id INTEGER NOT NULL REFERENCES announcements (id),
     channel         TEXT NOT NULL,
     chat_id         TEXT NOT NULL,
     language        TEXT NOT NULL,
     fallback        INTEGER NOT NULL DEFAULT 0,
     state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
     attempts        INTEGER NOT NULL DEFAULT 0,
     not_before      INTEGER NOT NULL DEFAULT 0,
     error           TEXT,
     updated_at      INTEGER NOT NULL,
     UNIQUE (announcement_id, channel, chat_id)
   );
   CREATE INDEX deliveries_pending ON deliveries (not_before, id) WHERE state = 'pending';
   CREATE INDEX deliveries_by_announcement ON deliveries (announcement_id, state);`,
  // The staff console: accounts, server-side sessions (only a hash of the session id is stored),
  // what staff decided about groups of unanswered questions, and daily counts without any text.
  `CREATE TABLE staff_users (
     id            INTEGER PRIMARY KEY,
     name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     role          TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
     regions       TEXT NOT NULL DEFAULT '[]',
     created_at    TEXT NOT NULL
   );
   CREATE TABLE staff_sessions (
     id_hash    TEXT PRIMARY KEY,
     user_id    INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
     csrf_token TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE TABLE question_groups (
     region     TEXT NOT NULL,
     group_key  TEXT NOT NULL,
     status     TEXT NOT NULL CHECK (status IN ('open', 'content-added', 'ignored')),
     updated_by TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (region, group_key)
   );
   CREATE TABLE daily_stats (
     day       TEXT NOT NULL,
     region    TEXT NOT NULL,
     language  TEXT NOT NULL,
     questions INTEGER NOT NULL DEFAULT 0,
     answered  INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (day, region, language)
   );
   CREATE TABLE daily_pages (
     day     TEXT NOT NULL,
     region  TEXT NOT NULL,
     page_id TEXT NOT NULL,
     title   TEXT NOT NULL,
     shown   INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (day, region, page_id)
   );`,
  // Channels that cannot be pushed to: the web chat keeps announcements here until the widget fetches them;
  // WhatsApp's 24-hour window needs the time of a user's last message (nothing else about it).
  `CREATE TABLE webchat_inbox (
     id         INTEGER PRIMARY KEY,
     chat_id    TEXT NOT NULL,
     reply      TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX webchat_inbox_chat ON webchat_inbox (chat_id, id);
   CREATE TABLE channel_windows (
     channel         TEXT NOT NULL,
     chat_id         TEXT NOT NULL,
     last_inbound_at INTEGER NOT NULL,
     PRIMARY KEY (channel, chat_id)
   ) WITHOUT ROWID;`,
  // Bot Framework needs a conversation reference to write to a chat later (announcements).
  `CREATE TABLE conversation_refs (
     channel    TEXT NOT NULL,
     chat_id    TEXT NOT NULL,
     reference  TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (channel, chat_id)
   ) WITHOUT ROWID;`,
  // "Did you mean…?": how often it was offered and which choice people took, per day — counts
  // only, no text, no chat id.
  `CREATE TABLE daily_suggestions (
     day      TEXT NOT NULL,
     region   TEXT NOT NULL,
     language TEXT NOT NULL,
     offered  INTEGER NOT NULL DEFAULT 0,
     chose_1  INTEGER NOT NULL DEFAULT 0,
     chose_2  INTEGER NOT NULL DEFAULT 0,
     chose_3  INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (day, region, language)
   ) WITHOUT ROWID;`,
];

export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const current = (db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null }).version ?? 0;
  const apply = db.transaction((version: number, sql: string) => {
    db.exec(sql);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
  });
  for (let version = current + 1; version <= MIGRATIONS.length; version++) apply(version, MIGRATIONS[version - 1]!);
  return MIGRATIONS.length;
}

/** Opens (and creates, and migrates) the database; `:memory:` for tests. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'lotse.db');
}
