import type { RateLimits } from './channel.js';

/**
 * Rate limits per channel: never more than `perSecond` sends in any one-second window, and to
 * one chat at least `1 / perChatPerSecond` seconds apart. A send holds its slot from the moment
 * it starts until one second after it *finished* (`release`): requests that a busy process or
 * a slow network delays can arrive late, but never bunched above the limit at the messenger.
 */
export type Acquisition = { kind: 'go'; release: (now: number) => void } | { kind: 'wait'; ms: number } | { kind: 'defer'; until: number };

const NO_OP = () => undefined;

/** Margin for clock granularity and the way to the messenger: a window is 1 s plus this. */
const MARGIN_MS = 5;

export class RateLimiter {
  /** Per channel, the moment each recent send started or, once released, finished. */
  private readonly recent = new Map<string, { at: number }[]>();
  private readonly lastPerChat = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly limits: (channel: string) => RateLimits) {}

  /**
   * Takes a slot now (`go`), or says how long to wait before asking again (`wait`), or that this
   * chat must wait until later and should step aside for others (`defer`).
   */
  acquire(channel: string, chatId: string, now: number): Acquisition {
    const { perSecond, perChatPerSecond } = this.limits(channel);
    const chatKey = `${channel}\u0000${chatId}`;
    const last = this.lastPerChat.get(chatKey);
    if (last !== undefined && Number.isFinite(perChatPerSecond) && last + 1000 / perChatPerSecond + MARGIN_MS > now) {
      return { kind: 'defer', until: last + 1000 / perChatPerSecond + MARGIN_MS };
    }
    const paused = this.pausedUntil.get(channel) ?? 0;
    if (paused > now) return { kind: 'wait', ms: paused - now };
    let release: (now: number) => void = NO_OP;
    if (Number.isFinite(perSecond)) {
      let sends = this.recent.get(channel);
      if (sends === undefined) this.recent.set(channel, (sends = []));
      const windowStart = now - 1000 - MARGIN_MS;
      let live = sends.filter((send) => send.at > windowStart);
      if (live.length !== sends.length) this.recent.set(channel, (sends = live));
      if (live.length >= perSecond) {
        const times = live.map((send) => send.at).sort((a, b) => a - b);
        return { kind: 'wait', ms: Math.max(1, times[live.length - perSecond]! - windowStart) };
      }
      const entry = { at: now };
      sends.push(entry);
      release = (finished) => {
        entry.at = Math.max(entry.at, finished);
      };
      live = [];
    }
    if (Number.isFinite(perChatPerSecond)) {
      this.lastPerChat.set(chatKey, now);
      if (this.lastPerChat.size > 200_000) this.forgetOldChats(now);
    }
    return { kind: 'go', release };
  }

  /** The messenger said "too many requests": nothing goes out on that channel before `until`. */
  pause(channel: string, until: number): void {
    this.pausedUntil.set(channel, Math.max(until, this.pausedUntil.get(channel) ?? 0));
  }

  private forgetOldChats(now: number): void {
    for (const [key, at] of this.lastPerChat) if (at < now - 60_000) this.lastPerChat.delete(key);
  }
}
