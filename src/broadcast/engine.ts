import type { Reply } from '../core/message.js';
import { DeliveryError, type ChannelSender } from './channel.js';
import { systemClock, type Clock } from './clock.js';
import type { Announcement, Delivery, Outbox, Recipient, SettledState } from './outbox.js';
import { RateLimiter } from './rate-limiter.js';
import { DELIVERY_STATES as D } from './states.js';

/**
 * The broadcast worker: starts due announcements, claims due deliveries from the outbox and
 * sends them through each channel's sender within its rate limits. It knows no SQL (the outbox
 * does) and no messenger (the senders do). Errors in the background go to `onError`; they never
 * crash the process.
 */

export interface EngineOptions {
  outbox: Outbox;
  senders: ReadonlyMap<string, ChannelSender>;
  /** Subscribers of an announcement, with the language each gets. */
  audience: (announcement: Announcement) => Iterable<Recipient>;
  /** The message a delivery sends. */
  compose: (announcement: Announcement, delivery: Delivery) => Reply;
  /** A region's main language: the text a fallback delivery carries. */
  mainLanguage?: (region: string) => string | undefined;
  /** A subscriber is gone (blocked the bot): stop sending to them. */
  onGone: (channel: string, chatId: string) => void;
  onError?: (error: unknown) => void;
  clock?: Clock;
  /** Deliveries in flight at most (also the bound on duplicates after a crash). Default 64. */
  concurrency?: number;
  /** Attempts for server and network errors before a delivery fails. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at 5 minutes. Default 2 s. */
  backoffMs?: number;
  /** How often to look for scheduled announcements when idle. Default 1 s. */
  pollMs?: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;
/** Settled deliveries written per transaction at most. */
const WRITE_BATCH = 64;

export class BroadcastEngine {
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly announcements = new Map<number, Announcement>();
  private running: Promise<void> | null = null;
  /** Settled deliveries not written yet; each stays "in flight" until its batch is written. */
  private unwritten: { id: number; state: SettledState; error: string | null; written: () => void }[] = [];
  private lastDueCheck = Number.NEGATIVE_INFINITY;
  private readonly states = new Map<number, { state: string | null; at: number }>();
  private stopping = false;
  private wakeUp: (() => void) | null = null;

  constructor(private readonly options: EngineOptions) {
    this.clock = options.clock ?? systemClock;
    this.limiter = new RateLimiter((channel) => options.senders.get(channel)?.limits ?? { perSecond: Infinity, perChatPerSecond: Infinity });
  }

  /** Resumes what a crash interrupted, then works until stopped. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.options.outbox.recoverInFlight(this.clock.now());
    this.running = this.loop().catch((error: unknown) => this.options.onError?.(error));
  }

  /** Stops claiming; resolves when the deliveries in flight are settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
    this.running = null;
  }

  /** Something new may be due (an announcement was created): look now instead of at the next poll. */
  wake(): void {
    this.lastDueCheck = Number.NEGATIVE_INFINITY;
    this.wakeUp?.();
  }

  /** Records a settled delivery; resolves once it is written (batched: one transaction per batch). */
  private record(id: number, state: SettledState, error: string | null = null): Promise<void> {
    return new Promise((written) => {
      this.unwritten.push({ id, state, error, written });
      if (this.unwritten.length >= WRITE_BATCH) this.flush();
      // Whatever settles in the same turn of the event loop is written together, right after it.
      else if (this.unwritten.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.unwritten;
    if (batch.length === 0) return;
    this.unwritten = [];
    try {
      this.options.outbox.settleMany(batch, this.clock.now());
    } catch (error) {
      this.options.onError?.(error);
    }
    for (const entry of batch) entry.written();
  }

  /** The announcement's state, read at most every 250 ms: cancelling takes effect within that. */
  private stateOf(id: number): string | null {
    const now = this.clock.now();
    const cached = this.states.get(id);
    if (cached !== undefined && now - cached.at < 250) return cached.state;
    const state = this.options.outbox.stateOf(id);
    this.states.set(id, { state, at: now });
    return state;
  }

  private async loop(): Promise<void> {
    const { outbox } = this.options;
    const concurrency = this.options.concurrency ?? 64;
    // Claim in batches once a few slots are free: one query for many deliveries.
    const claimBatch = Math.max(1, Math.min(32, Math.floor(concurrency / 4)));
    while (!this.stopping) {
      const now = this.clock.now();
      if (now - this.lastDueCheck >= (this.options.pollMs ?? 1000) / 4) {
        this.lastDueCheck = now;
        this.startDue(now);
      }
      const free = concurrency - this.inFlight.size;
      const claimed = free >= claimBatch || (free > 0 && this.inFlight.size === 0) ? outbox.claim(free, now) : [];
      for (const delivery of claimed) this.track(this.deliver(delivery));
      if (claimed.length > 0) continue;
      this.flush();
      // Idle: announcements with nothing left to send are done. (Not checked per delivery: that count grows with the audience.)
      for (const id of outbox.runningIds()) if (outbox.finishIfSettled(id, now)) this.announcements.delete(id);
      // Nothing to claim: wait for a delivery to finish, something to become due, or a wake-up.
      const next = outbox.nextDue();
      const pollMs = this.options.pollMs ?? 1000;
      const waitMs = next === null ? pollMs : Math.min(pollMs, Math.max(1, next - now));
      const woken = new Promise<void>((resolve) => (this.wakeUp = resolve));
      await Promise.race([this.clock.sleep(waitMs), woken, ...(free <= 0 || this.inFlight.size > 0 ? [Promise.race(this.inFlight)] : [])]);
      this.wakeUp = null;
    }
    while (this.inFlight.size > 0) {
      this.flush();
      await Promise.race([...this.inFlight, this.clock.sleep(10)]);
    }
    this.flush();
    for (const id of this.options.outbox.runningIds()) this.options.outbox.finishIfSettled(id, this.clock.now());
  }

  private track(task: Promise<void>): void {
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  private startDue(now: number): void {
    for (const announcement of this.options.outbox.due(new Date(now))) {
      try {
        this.options.outbox.start(announcement.id, this.options.audience(announcement), now);
        this.options.outbox.finishIfSettled(announcement.id, now);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  private announcement(id: number): Announcement | null {
    let announcement = this.announcements.get(id);
    if (announcement === undefined) {
      const stored = this.options.outbox.get(id);
      if (stored === null) return null;
      this.announcements.set(id, (announcement = stored));
      if (this.announcements.size > 100) this.announcements.delete(this.announcements.keys().next().value!);
    }
    return announcement;
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { outbox } = this.options;
    try {
      const sender = this.options.senders.get(delivery.channel);
      const announcement = this.announcement(delivery.announcementId);
      if (sender === undefined || announcement === null) {
        await this.record(delivery.id, D.failed, sender === undefined ? `channel ${delivery.channel} is not running` : 'announcement missing');
        return;
      }
      let release: (now: number) => void;
      for (;;) {
        const slot = this.limiter.acquire(delivery.channel, delivery.chatId, this.clock.now());
        if (slot.kind === 'go') {
          release = slot.release;
          break;
        }
        if (slot.kind === 'defer') {
          outbox.retryLater(delivery.id, slot.until, this.clock.now(), 'chat rate limit', false);
          return;
        }
        await this.clock.sleep(slot.ms);
      }
      // Cancelled while waiting for its turn: not sent.
      if (this.stateOf(delivery.announcementId) !== 'running') {
        release(this.clock.now());
        await this.record(delivery.id, D.skipped, 'cancelled');
        return;
      }
      let outcome: { state: SettledState; error: string | null } | null;
      try {
        const textLanguage = delivery.fallback ? (this.options.mainLanguage?.(announcement.region) ?? delivery.language) : delivery.language;
        const context = { topic: announcement.topic, language: delivery.language, text: announcement.texts[textLanguage] ?? '' };
        await sender.send(delivery.chatId, this.options.compose(announcement, delivery), context);
        outcome = { state: D.sent, error: null };
      } catch (error) {
        outcome = this.failed(delivery, error);
      } finally {
        release(this.clock.now());
      }
      if (outcome !== null) await this.record(delivery.id, outcome.state, outcome.error);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** What a failed send becomes: settled now (returned), or back to pending for a retry (null). */
  private failed(delivery: Delivery, error: unknown): { state: SettledState; error: string } | null {
    const { outbox } = this.options;
    const now = this.clock.now();
    const failure = error instanceof DeliveryError ? error.failure : { kind: 'transient' as const };
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    switch (failure.kind) {
      case 'rate-limited':
        // The messenger's wait applies to the whole channel, and does not count as an attempt.
        this.limiter.pause(delivery.channel, now + failure.retryAfterMs);
        outbox.retryLater(delivery.id, now + failure.retryAfterMs, now, reason, false);
        return null;
      case 'gone':
        this.options.onGone(delivery.channel, delivery.chatId);
        return { state: D.failed, error: `gone: ${reason}` };
      case 'rejected':
        return { state: D.failed, error: reason };
      case 'not-allowed':
        return { state: D.skipped, error: reason };
      case 'transient': {
        const attempts = delivery.attempts + 1;
        if (attempts >= (this.options.maxAttempts ?? 5)) return { state: D.failed, error: reason };
        const backoff = Math.min(MAX_BACKOFF_MS, (this.options.backoffMs ?? 2000) * 2 ** (attempts - 1));
        outbox.retryLater(delivery.id, now + backoff, now, reason, true);
        return null;
      }
    }
  }
}
