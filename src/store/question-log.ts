import type { Db } from './database.js';

/**
 * Questions staff should look at — unanswered ones and those users marked 👎 — stored without
 * any chat or user id, so nothing links a question to a person.
 */
export interface LoggedQuestion {
  region: string;
  language: string;
  text: string;
  reason: 'unanswered' | 'not-helpful' | 'helpful';
  confidence: number | null;
  topHits: { id: string; title: string; score: number }[];
}

export class QuestionLog {
  private readonly insert;
  private readonly insertFeedback;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      'INSERT INTO question_log (region, language, text, reason, confidence, top_hits, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertFeedback = db.prepare('INSERT INTO feedback_messages (region, language, text, created_at) VALUES (?, ?, ?, ?)');
  }

  record(question: LoggedQuestion): void {
    this.insert.run(question.region, question.language, question.text, question.reason, question.confidence, JSON.stringify(question.topHits), this.clock().toISOString());
  }

  /** Free-text feedback ("/feedback"), anonymised like questions. */
  recordFeedback(region: string | null, language: string, text: string): void {
    this.insertFeedback.run(region, language, text, this.clock().toISOString());
  }

  recent(limit = 100): (LoggedQuestion & { createdAt: string })[] {
    const rows = this.db
      .prepare('SELECT region, language, text, reason, confidence, top_hits, created_at FROM question_log ORDER BY id DESC LIMIT ?')
      .all(limit) as { region: string; language: string; text: string; reason: LoggedQuestion['reason']; confidence: number | null; top_hits: string; created_at: string }[];
    return rows.map((row) => ({ region: row.region, language: row.language, text: row.text, reason: row.reason, confidence: row.confidence, topHits: JSON.parse(row.top_hits) as LoggedQuestion['topHits'], createdAt: row.created_at }));
  }
}
