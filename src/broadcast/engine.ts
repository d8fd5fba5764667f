import type { Reply } from '../core/message.js';
import { DeliveryError, type ChannelSender } from './channel.js';
import { systemClock, type Clock } from './clock.js';
import type { Announcement, Delivery, Outbox, Recipient } from './outbox.js';
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
  audience: (announcement: Announcement) => Recipient[];
  /** The message a delivery sends. */
  compose: (announcement: Announcement, delivery: Delivery) => Reply;
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

export class BroadcastEngine {
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly announcements = new Map<number, Announcement>();
  private running: Promise<void> | null = null;
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
    this.wakeUp?.();
  }

  /** Runs until nothing is pending or scheduled any more (tests, the CLI's `--wait`). */
  async drain(): Promise<void> {
    while (this.options.outbox.nextDue() !== null || this.inFlight.size > 0) await this.clock.sleep(50);
  }

  private async loop(): Promise<void> {
    const { outbox } = this.options;
    const concurrency = this.options.concurrency ?? 64;
    while (!this.stopping) {
      const now = this.clock.now();
      this.startDue(now);
      const free = concurrency - this.inFlight.size;
      const claimed = free > 0 ? outbox.claim(free, now) : [];
      for (const delivery of claimed) this.track(this.deliver(delivery));
      if (claimed.length > 0) continue;
      // Nothing to claim: wait for a delivery to finish, something to become due, or a wake-up.
      const next = outbox.nextDue();
      const pollMs = this.options.pollMs ?? 1000;
      const waitMs = next === null ? pollMs : Math.min(pollMs, Math.max(1, next - now));
      const woken = new Promise<void>((resolve) => (this.wakeUp = resolve));
      await Promise.race([this.clock.sleep(waitMs), woken, ...(free <= 0 || this.inFlight.size > 0 ? [Promise.race(this.inFlight)] : [])]);
      this.wakeUp = null;
    }
    await Promise.all(this.inFlight);
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
        outbox.settle(delivery.id, D.failed, this.clock.now(), sender === undefined ? `channel ${delivery.channel} is not running` : 'announcement missing');
        return;
      }
      const booking = this.limiter.reserve(delivery.channel, delivery.chatId, this.clock.now());
      if (booking.kind === 'defer') {
        outbox.retryLater(delivery.id, booking.until, this.clock.now(), 'chat rate limit', false);
        return;
      }
      const wait = booking.at - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      // Cancelled while waiting for its turn: not sent.
      if (outbox.stateOf(delivery.announcementId) !== 'running') {
        outbox.settle(delivery.id, D.skipped, this.clock.now(), 'cancelled');
        return;
      }
      try {
        await sender.send(delivery.chatId, this.options.compose(announcement, delivery));
        outbox.settle(delivery.id, D.sent, this.clock.now());
      } catch (error) {
        this.failed(delivery, error);
      }
      if (outbox.finishIfSettled(delivery.announcementId, this.clock.now())) this.announcements.delete(delivery.announcementId);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private failed(delivery: Delivery, error: unknown): void {
    const { outbox } = this.options;
    const now = this.clock.now();
    const failure = error instanceof DeliveryError ? error.failure : { kind: 'transient' as const };
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    switch (failure.kind) {
      case 'rate-limited':
        // The messenger's wait applies to the whole channel, and does not count as an attempt.
        this.limiter.pause(delivery.channel, now + failure.retryAfterMs);
        outbox.retryLater(delivery.id, now + failure.retryAfterMs, now, reason, false);
        return;
      case 'gone':
        outbox.settle(delivery.id, D.failed, now, `gone: ${reason}`);
        this.options.onGone(delivery.channel, delivery.chatId);
        return;
      case 'rejected':
        outbox.settle(delivery.id, D.failed, now, reason);
        return;
      case 'transient': {
        const attempts = delivery.attempts + 1;
        if (attempts >= (this.options.maxAttempts ?? 5)) {
          outbox.settle(delivery.id, D.failed, now, reason);
          return;
        }
        const backoff = Math.min(MAX_BACKOFF_MS, (this.options.backoffMs ?? 2000) * 2 ** (attempts - 1));
        outbox.retryLater(delivery.id, now + backoff, now, reason, true);
      }
    }
  }
}
