import { randomBytes } from 'node:crypto';
import type { LoggedQuestion } from '../store/question-log.js';

/**
 * Questions kept in memory for a while so that a later 👍/👎 can log them anonymously. The
 * button carries a random token, never the chat id; nothing is written unless the user gives
 * feedback, and a restart forgets them all.
 */
export class RecentQuestions {
  private readonly entries = new Map<string, { question: Omit<LoggedQuestion, 'reason'>; at: number }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly ttlMs = 24 * 3_600_000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(question: Omit<LoggedQuestion, 'reason'>): string {
    const token = randomBytes(6).toString('base64url');
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { question, at: this.now() });
    return token;
  }

  /** The question behind a token, once: feedback counts one time. */
  take(token: string): Omit<LoggedQuestion, 'reason'> | null {
    const entry = this.entries.get(token);
    this.entries.delete(token);
    if (entry === undefined || this.now() - entry.at > this.ttlMs) return null;
    return entry.question;
  }
}
