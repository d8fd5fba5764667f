import type { Db } from '../store/database.js';
import { ANNOUNCEMENT_STATES as A, DELIVERY_STATES as D, type AnnouncementState, type DeliveryState } from './states.js';

/**
 * The durable outbox: every SQL statement of the broadcast engine, by name. Nothing else in
 * `src/broadcast` writes SQL.
 */

export type FallbackMode = 'main' | 'none';

export interface AnnouncementInput {
  region: string;
  topic: string;
  /** language → text (plain text; links go in `link`). */
  texts: Record<string, string>;
  link: string | null;
  author: string;
  fallback: FallbackMode;
  /** When to send (ISO); now when omitted. */
  scheduledAt?: string;
  /** Where an automatic announcement came from (e.g. `news:123`): the same source is announced once. */
  source?: string;
}

export interface Announcement extends Required<Omit<AnnouncementInput, 'source' | 'scheduledAt'>> {
  id: number;
  state: AnnouncementState;
  source: string | null;
  createdAt: string;
  scheduledAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Delivery {
  id: number;
  announcementId: number;
  channel: string;
  chatId: string;
  language: string;
  /** True when the text is the region's main language because the subscriber's language had none. */
  fallback: boolean;
  attempts: number;
}

export interface Recipient {
  channel: string;
  chatId: string;
  /** The language the text is sent in, or null when there is none for this subscriber. */
  language: string | null;
  fallback: boolean;
}

export type StateCounts = Record<DeliveryState, number>;
export type SettledState = typeof D.sent | typeof D.failed | typeof D.skipped;

interface AnnouncementRow {
  id: number;
  region: string;
  topic: string;
  texts: string;
  link: string | null;
  author: string;
  fallback: FallbackMode;
  state: AnnouncementState;
  source: string | null;
  created_at: string;
  scheduled_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function toAnnouncement(row: AnnouncementRow): Announcement {
  return {
    id: row.id,
    region: row.region,
    topic: row.topic,
    texts: JSON.parse(row.texts) as Record<string, string>,
    link: row.link,
    author: row.author,
    fallback: row.fallback,
    state: row.state,
    source: row.source,
    createdAt: row.created_at,
    scheduledAt: row.scheduled_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export class Outbox {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insertAnnouncement: db.prepare(
        `INSERT INTO announcements (region, topic, texts, link, author, fallback, state, source, created_at, scheduled_at)
         VALUES (@region, @topic, @texts, @link, @author, @fallback, '${A.scheduled}', @source, @createdAt, @scheduledAt)
         ON CONFLICT (source) DO NOTHING`,
      ),
      announcement: db.prepare<[number], AnnouncementRow>('SELECT * FROM announcements WHERE id = ?'),
      state: db.prepare<[number], { state: AnnouncementState }>('SELECT state FROM announcements WHERE id = ?'),
      announcements: db.prepare<[number], AnnouncementRow>('SELECT * FROM announcements ORDER BY id DESC LIMIT ?'),
      dueAnnouncements: db.prepare<[string], AnnouncementRow>(`SELECT * FROM announcements WHERE state = '${A.scheduled}' AND scheduled_at <= ? ORDER BY scheduled_at, id`),
      setRunning: db.prepare(`UPDATE announcements SET state = '${A.running}', started_at = ? WHERE id = ? AND state = '${A.scheduled}'`),
      insertDelivery: db.prepare(
        `INSERT OR IGNORE INTO deliveries (announcement_id, channel, chat_id, language, fallback, state, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      // Only running announcements have pending deliveries (they are written when one starts, and
      // skipped when it is cancelled), so the partial index alone finds the next ones in order.
      claim: db.prepare<[{ now: number; limit: number }], { id: number; announcement_id: number; channel: string; chat_id: string; language: string; fallback: number; attempts: number }>(
        `UPDATE deliveries SET state = '${D.sending}', updated_at = @now
         WHERE id IN (
           SELECT id FROM deliveries INDEXED BY deliveries_pending
           WHERE state = '${D.pending}' AND not_before <= @now
           ORDER BY not_before, id LIMIT @limit)
         RETURNING id, announcement_id, channel, chat_id, language, fallback, attempts`,
      ),
      settle: db.prepare(`UPDATE deliveries SET state = ?, error = ?, attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = '${D.sending}'`),
      retryLater: db.prepare(`UPDATE deliveries SET state = '${D.pending}', not_before = ?, attempts = attempts + ?, error = ?, updated_at = ? WHERE id = ? AND state = '${D.sending}'`),
      recoverInFlight: db.prepare(`UPDATE deliveries SET state = '${D.pending}', updated_at = ? WHERE state = '${D.sending}'`),
      unsettled: db.prepare<[number], { n: number }>(`SELECT EXISTS (SELECT 1 FROM deliveries WHERE announcement_id = ? AND state IN ('${D.pending}', '${D.sending}')) AS n`),
      finish: db.prepare(`UPDATE announcements SET state = '${A.done}', finished_at = ? WHERE id = ? AND state = '${A.running}'`),
      cancel: db.prepare(`UPDATE announcements SET state = '${A.cancelled}', finished_at = ? WHERE id = ? AND state IN ('${A.scheduled}', '${A.running}')`),
      skipPending: db.prepare(`UPDATE deliveries SET state = '${D.skipped}', error = 'cancelled', updated_at = ? WHERE announcement_id = ? AND state = '${D.pending}'`),
      counts: db.prepare<[number], { state: DeliveryState; n: number }>('SELECT state, COUNT(*) AS n FROM deliveries WHERE announcement_id = ? GROUP BY state'),
      sentSince: db.prepare<[number, number], { n: number }>(`SELECT COUNT(*) AS n FROM deliveries WHERE announcement_id = ? AND state = '${D.sent}' AND updated_at >= ?`),
      nextDue: db.prepare<[], { at: number | null }>(`SELECT MIN(not_before) AS at FROM deliveries INDEXED BY deliveries_pending WHERE state = '${D.pending}'`),
      nextScheduled: db.prepare<[], { at: string | null }>(`SELECT MIN(scheduled_at) AS at FROM announcements WHERE state = '${A.scheduled}'`),
      runningIds: db.prepare<[], { id: number }>(`SELECT id FROM announcements WHERE state = '${A.running}'`),
    };
  }

  /** Stores an announcement to be sent at its time; null when its `source` was announced before. */
  create(input: AnnouncementInput, now: Date): number | null {
    const result = this.statements.insertAnnouncement.run({
      region: input.region,
      topic: input.topic,
      texts: JSON.stringify(input.texts),
      link: input.link,
      author: input.author,
      fallback: input.fallback,
      source: input.source ?? null,
      createdAt: now.toISOString(),
      scheduledAt: input.scheduledAt ?? now.toISOString(),
    });
    return result.changes === 0 ? null : Number(result.lastInsertRowid);
  }

  get(id: number): Announcement | null {
    const row = this.statements.announcement.get(id);
    return row ? toAnnouncement(row) : null;
  }

  stateOf(id: number): AnnouncementState | null {
    return this.statements.state.get(id)?.state ?? null;
  }

  list(limit = 50): Announcement[] {
    return this.statements.announcements.all(limit).map(toAnnouncement);
  }

  due(now: Date): Announcement[] {
    return this.statements.dueAnnouncements.all(now.toISOString()).map(toAnnouncement);
  }

  /** Writes one delivery per recipient and marks the announcement running — in one transaction. */
  start(id: number, recipients: Iterable<Recipient>, now: number): boolean {
    return this.db.transaction(() => {
      if (this.statements.setRunning.run(new Date(now).toISOString(), id).changes === 0) return false;
      for (const recipient of recipients) {
        const state = recipient.language === null ? D.skipped : D.pending;
        this.statements.insertDelivery.run(id, recipient.channel, recipient.chatId, recipient.language ?? '', recipient.fallback ? 1 : 0, state, now);
      }
      return true;
    })();
  }

  /** Takes up to `limit` due deliveries and marks them `sending`. */
  claim(limit: number, now: number): Delivery[] {
    return this.statements.claim.all({ now, limit }).map((row) => ({
      id: row.id,
      announcementId: row.announcement_id,
      channel: row.channel,
      chatId: row.chat_id,
      language: row.language,
      fallback: row.fallback === 1,
      attempts: row.attempts,
    }));
  }

  settle(id: number, state: SettledState, now: number, error: string | null = null): void {
    this.statements.settle.run(state, error, now, id);
  }

  /** Settles many deliveries in one transaction (one write for a batch of sends). */
  settleMany(entries: readonly { id: number; state: SettledState; error: string | null }[], now: number): void {
    if (entries.length === 0) return;
    this.db.transaction(() => {
      for (const entry of entries) this.statements.settle.run(entry.state, entry.error, now, entry.id);
    })();
  }

  /** Back to pending until `notBefore`; `countAttempt` is false for waits the messenger asked for (429). */
  retryLater(id: number, notBefore: number, now: number, error: string, countAttempt: boolean): void {
    this.statements.retryLater.run(notBefore, countAttempt ? 1 : 0, error, now, id);
  }

  /** After a crash: what was being sent is sent again (at most the deliveries that were in flight). */
  recoverInFlight(now: number): number {
    return this.statements.recoverInFlight.run(now).changes;
  }

  /** Marks an announcement done when nothing is left to send; true when it just finished. */
  finishIfSettled(id: number, now: number): boolean {
    if (this.statements.unsettled.get(id)!.n > 0) return false;
    return this.statements.finish.run(new Date(now).toISOString(), id).changes > 0;
  }

  runningIds(): number[] {
    return this.statements.runningIds.all().map((row) => row.id);
  }

  /** Cancels a scheduled or running announcement: what is still pending is skipped. */
  cancel(id: number, now: number): boolean {
    return this.db.transaction(() => {
      if (this.statements.cancel.run(new Date(now).toISOString(), id).changes === 0) return false;
      this.statements.skipPending.run(now, id);
      return true;
    })();
  }

  counts(id: number): StateCounts {
    const counts: StateCounts = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
    for (const row of this.statements.counts.all(id)) counts[row.state] = row.n;
    return counts;
  }

  sentSince(id: number, since: number): number {
    return this.statements.sentSince.get(id, since)!.n;
  }

  /** The earliest moment something may be due: a pending delivery or a scheduled announcement. */
  nextDue(): number | null {
    const delivery = this.statements.nextDue.get()!.at;
    const scheduled = this.statements.nextScheduled.get()!.at;
    const times = [delivery, scheduled === null ? null : Date.parse(scheduled)].filter((value): value is number => value !== null);
    return times.length === 0 ? null : Math.min(...times);
  }
}
