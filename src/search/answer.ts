import type { IndexedDocument, IndexedSentence, LanguageIndex } from './language-index.js';
import type { SearchOptions } from './options.js';
import type { ParsedQuery } from './query.js';
import { isLeadIn, onlyPointsElsewhere, pointsBack, repeatsTitle } from './readable.js';

/**
 * Picks the 1–3 sentences of a page that answer the question. A sentence scores by the
 * question's words it carries, weighted by how rare they are in the region and on the page;
 * around the best sentence, the passage of up to three neighbouring sentences that scores most
 * is shown, because answers in integration content run over several sentences in a row (on
 * OMoS-QA, 80 % of the answers are contiguous and half start in the first two lines).
 */

export interface SentenceScore {
  sentence: IndexedSentence;
  score: number;
}

export interface AnswerOptions {
  /** A further sentence is shown when it scores at least this share of the best one. */
  keepRatio: number;
  /**
   * Show a passage of up to this many neighbouring sentences around the best one (0: only the
   * sentences that score). Answers in integration content run over several sentences in a row.
   */
  window: number;
  /** Extra weight for a window's sentences that follow the best one, over those before it. */
  forwardBias: number;
  /**
   * How much a word counts less when it is in many of the page's sentences: on a page about
   * the Kita, "Kita" does not tell its sentences apart (0: corpus idf only).
   */
  localIdf: number;
  /**
   * Show no sentence when the best one carries less than this share of the question's weight:
   * a wrong quote misleads more than the page link alone.
   */
  minShare: number;
}

/** Tuned on the OMoS-QA train split: a passage of three sentences around the best one. */
export const defaultAnswerOptions: AnswerOptions = { keepRatio: 0.75, window: 3, forwardBias: 1, localIdf: 1, minShare: 0 };

export function scoreSentences(document: IndexedDocument, query: ParsedQuery, target: LanguageIndex, answer: AnswerOptions = defaultAnswerOptions): SentenceScore[] {
  const sentences = document.sentences.filter((sentence) => !sentence.isHeading);
  const local = (term: string) => {
    if (answer.localIdf === 0) return 1;
    const containing = sentences.reduce((count, sentence) => count + (sentence.terms.includes(term) ? 1 : 0), 0);
    return 1 - answer.localIdf + answer.localIdf * Math.log(1 + sentences.length / Math.max(1, containing)) / Math.log(1 + sentences.length);
  };
  const idf = query.clauses.map((clause) =>
    clause.alternatives.map((alternative) => ({ term: alternative.term, value: alternative.weight * target.index.idf(alternative.term) * local(alternative.term) })),
  );
  return sentences.map((sentence) => {
    let score = 0;
    query.clauses.forEach((clause, index) => {
      let best = 0;
      for (const { term, value } of idf[index]!) if (value > best && sentence.terms.includes(term)) best = value;
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
  const scored = scoreSentences(document, query, target, answer);
  if (scored.length === 0) return [];
  const best = scored.reduce((top, entry) => (entry.score > top.score ? entry : top), scored[0]!);
  // Nothing in the text matches (the title did): the opening sentence says what the page is about.
  if (best.score <= 0) return [scored[0]!.sentence];
  const mass = questionMass(query, target);
  if (mass > 0 && best.score / mass < answer.minShare) return [];
  if (answer.window > 0) {
    const size = Math.min(answer.window, options.maxSentences);
    const bestAt = scored.indexOf(best);
    const start = bestWindow(scored, bestAt, size, answer.forwardBias);
    return readableRun(scored.map((entry) => entry.sentence), start, size, bestAt, document);
  }
  const chosen = scored
    .filter((entry) => entry.score >= answer.keepRatio * best.score)
    .sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index)
    .slice(0, options.maxSentences);
  return chosen.map((entry) => entry.sentence).sort((a, b) => a.index - b.index);
}

/**
 * The run of sentences to show, made to read as an answer: a first sentence that points back
 * ("Diese…", "And they…") brings the sentence it points to, a list lead-in at the end brings its
 * first item or goes, and sentences that only repeat the title or send the reader elsewhere are
 * left out. The best sentence always stays.
 */
export function readableRun(sentences: readonly IndexedSentence[], start: number, size: number, bestAt: number, document: IndexedDocument): IndexedSentence[] {
  const language = document.item.language;
  const isItem = (at: number) => document.item.text.blocks[sentences[at]?.block ?? -1]?.kind === 'item';
  let from = start;
  let to = Math.min(sentences.length, start + size);
  if (pointsBack(sentences[from]!.text, language) && from > 0) {
    from -= 1;
    if (to - from > size) to = Math.max(bestAt + 1, to - 1);
  }
  if (to - from > size) to = from + size;
  // A lead-in at the end shows none of its items: it goes, unless it is the answer, which brings its first item.
  if (isLeadIn(sentences[to - 1]!.text)) {
    if (to - 1 !== bestAt) to -= 1;
    else if (isItem(to)) {
      to += 1;
      if (to - from > size) from += 1;
    }
  }
  const run: IndexedSentence[] = [];
  for (let at = from; at < to; at++) {
    const sentence = sentences[at]!;
    const empty = onlyPointsElsewhere(sentence.text) || repeatsTitle(sentence.terms, document.titleTerms);
    if (at === bestAt || !empty) run.push(sentence);
  }
  // What still points back to nothing shown goes, unless it is the answer itself.
  while (run.length > 1 && run[0] !== sentences[bestAt] && pointsBack(run[0]!.text, language) && sentences.indexOf(run[0]!) === 0) run.shift();
  return run;
}

/** Where the run of `size` neighbouring sentences that contains the best one and scores highest starts. */
function bestWindow(scored: SentenceScore[], bestAt: number, size: number, forwardBias: number): number {
  let bestStart = bestAt;
  let bestSum = -Infinity;
  for (let start = Math.max(0, bestAt - size + 1); start <= bestAt; start++) {
    const end = Math.min(scored.length, start + size);
    let sum = 0;
    for (let at = start; at < end; at++) sum += scored[at]!.score + (at > bestAt ? forwardBias : 0);
    if (sum > bestSum) {
      bestSum = sum;
      bestStart = start;
    }
  }
  return bestStart;
}

/** The most a sentence can score on this question: every clause by its best term. */
function questionMass(query: ParsedQuery, target: LanguageIndex): number {
  return query.clauses.reduce(
    (sum, clause) => sum + clause.weight * Math.max(0, ...clause.alternatives.map((alternative) => alternative.weight * target.index.idf(alternative.term))),
    0,
  );
}
