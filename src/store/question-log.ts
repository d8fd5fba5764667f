import type Database from 'better-sqlite3';
import type { Db } from './database.js';

/** The positions of "did you mean" choices that are counted. */
export const SUGGESTION_POSITIONS = [1, 2, 3] as const;

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
  private readonly countDay;
  private readonly countPage;
  private readonly countOffer;
  private readonly countChoices: Map<number, Database.Statement>;

  constructor(
    db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      'INSERT INTO question_log (region, language, text, reason, confidence, top_hits, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertFeedback = db.prepare('INSERT INTO feedback_messages (region, language, text, created_at) VALUES (?, ?, ?, ?)');
    this.countDay = db.prepare(
      `INSERT INTO daily_stats (day, region, language, questions, answered) VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (day, region, language) DO UPDATE SET questions = questions + 1, answered = answered + excluded.answered`,
    );
    this.countOffer = db.prepare(
      `INSERT INTO daily_suggestions (day, region, language, offered) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, region, language) DO UPDATE SET offered = offered + 1`,
    );
    // One statement per choice: the column is chosen here, never from input.
    this.countChoices = new Map(
      SUGGESTION_POSITIONS.map((position) => [
        position,
        db.prepare(
          `INSERT INTO daily_suggestions (day, region, language, chose_${position}) VALUES (?, ?, ?, 1)
           ON CONFLICT (day, region, language) DO UPDATE SET chose_${position} = chose_${position} + 1`,
        ),
      ]),
    );
    this.countPage = db.prepare(
      `INSERT INTO daily_pages (day, region, page_id, title, shown) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (day, region, page_id) DO UPDATE SET shown = shown + 1, title = excluded.title`,
    );
  }

  /** Counts a question for the overview — a number per day, region and language, no text. */
  countQuestion(region: string, language: string, answer: { id: string; title: string } | null): void {
    const day = this.day();
    this.countDay.run(day, region, language, answer ? 1 : 0);
    if (answer) this.countPage.run(day, region, answer.id, answer.title);
  }

  /** Counts a "did you mean…?" shown. */
  countSuggestion(region: string, language: string): void {
    this.countOffer.run(this.day(), region, language);
  }

  /** Counts which of the "did you mean" choices was taken (1–3). */
  countChoice(region: string, language: string, position: number): void {
    this.countChoices.get(position)?.run(this.day(), region, language);
  }

  private day(): string {
    return this.clock().toISOString().slice(0, 10);
  }

  record(question: LoggedQuestion): void {
    this.insert.run(question.region, question.language, question.text, question.reason, question.confidence, JSON.stringify(question.topHits), this.clock().toISOString());
  }

  /** Free-text feedback ("/feedback"), anonymised like questions. */
  recordFeedback(region: string | null, language: string, text: string): void {
    this.insertFeedback.run(region, language, text, this.clock().toISOString());
  }
}
