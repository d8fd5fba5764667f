import type { IndexedDocument, IndexedSentence, LanguageIndex } from './language-index.js';
import type { SearchOptions } from './options.js';
import type { ParsedQuery } from './query.js';

/**
 * Picks the 1–3 sentences of a page that answer the question: the sentences that carry the
 * question's rarest words. Showing fewer, right sentences beats showing many (the OMoS-QA
 * precision target is 0.75), so a second or third sentence must come close to the best one.
 */

export interface SentenceScore {
  sentence: IndexedSentence;
  score: number;
}

export interface AnswerOptions {
  /** A further sentence is shown when it scores at least this share of the best one. */
  keepRatio: number;
}

export const defaultAnswerOptions: AnswerOptions = { keepRatio: 0.75 };

export function scoreSentences(document: IndexedDocument, query: ParsedQuery, target: LanguageIndex): SentenceScore[] {
  const idf = query.clauses.map((clause) =>
    clause.alternatives.map((alternative) => ({ term: alternative.term, value: alternative.weight * target.index.idf(alternative.term) })),
  );
  return document.sentences
    .filter((sentence) => !sentence.isHeading)
    .map((sentence) => {
      let score = 0;
      query.clauses.forEach((clause, index) => {
        let best = 0;
        for (const { term, value } of idf[index]!) if (value > best && sentence.terms.has(term)) best = value;
        score += clause.weight * best;
      });
      return { sentence, score };
    });
}

export function pickSentences(
  document: IndexedDocument,
  query: ParsedQuery,
  target: LanguageIndex,
  options: SearchOptions,
  answer: AnswerOptions = defaultAnswerOptions,
): IndexedSentence[] {
  const scored = scoreSentences(document, query, target);
  if (scored.length === 0) return [];
  const best = scored.reduce((top, entry) => (entry.score > top.score ? entry : top), scored[0]!);
  // Nothing in the text matches (the title did): the opening sentence says what the page is about.
  if (best.score <= 0) return [scored[0]!.sentence];
  const chosen = scored
    .filter((entry) => entry.score >= answer.keepRatio * best.score)
    .sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index)
    .slice(0, options.maxSentences);
  return chosen.map((entry) => entry.sentence).sort((a, b) => a.index - b.index);
}
