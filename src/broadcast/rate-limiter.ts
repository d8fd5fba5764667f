import type { RateLimits } from './channel.js';

/**
 * Rate limits per channel: never more than `perSecond` sends in any one-second window, and to
 * one chat at least `1 / perChatPerSecond` seconds apart. Bookings on a channel are made in time
 * order (a chat that is not ready yet is deferred, not booked), so a simple sliding window of
 * the last `perSecond` booked moments is exact.
 */
export type Booking = { kind: 'send'; at: number } | { kind: 'defer'; until: number };

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly lastPerChat = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly limits: (channel: string) => RateLimits) {}

  /** Books a send: when it may go out (epoch ms, ≥ now), or until when the chat must wait. */
  reserve(channel: string, chatId: string, now: number): Booking {
    const { perSecond, perChatPerSecond } = this.limits(channel);
    const chatKey = `${channel}\u0000${chatId}`;
    const last = this.lastPerChat.get(chatKey);
    // A chat that is not ready waits outside the channel's queue, so it never holds up others.
    if (last !== undefined && Number.isFinite(perChatPerSecond) && last + 1000 / perChatPerSecond > now) {
      return { kind: 'defer', until: last + 1000 / perChatPerSecond };
    }
    let at = Math.max(now, this.pausedUntil.get(channel) ?? 0);
    if (Number.isFinite(perSecond)) {
      let window = this.windows.get(channel);
      if (window === undefined) this.windows.set(channel, (window = []));
      const floor = window.at(-1) ?? 0;
      at = Math.max(at, floor); // keep bookings in time order
      if (window.length >= perSecond) at = Math.max(at, window[window.length - perSecond]! + 1000);
      window.push(at);
      if (window.length > perSecond * 4) window.splice(0, window.length - perSecond);
    }
    if (Number.isFinite(perChatPerSecond)) {
      this.lastPerChat.set(chatKey, at);
      if (this.lastPerChat.size > 200_000) this.forgetOldChats(now);
    }
    return { kind: 'send', at };
  }

  /** The messenger said "too many requests": nothing goes out on that channel before `until`. */
  pause(channel: string, until: number): void {
    this.pausedUntil.set(channel, Math.max(until, this.pausedUntil.get(channel) ?? 0));
  }

  private forgetOldChats(now: number): void {
    for (const [key, at] of this.lastPerChat) if (at < now - 60_000) this.lastPerChat.delete(key);
  }
}
