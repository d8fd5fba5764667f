import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolvePackagePath } from '../paths.js';
import type { LanguageIndex } from './language-index.js';
import type { Clause, ParsedQuery } from './query.js';
import type { RankedDocument } from './rank.js';

/**
 * How sure the search is that its first hit answers the question, as a probability: a logistic
 * model over what the ranking knows — how much of the question the hit covers, how strongly,
 * how far ahead of the next hit it is, how much of the question the pages understood at all,
 * and how much of it only through translations and other guesses. Its weights and the two thresholds are
 * fitted on tuning questions only (`node dist/bench/calibrate.js`, written to
 * `calibration.json`): above `answerAt` the bot shows the page as the answer (chosen so that
 * such answers are right at least 95 % of the time), between `suggestAt` and `answerAt` it asks
 * "did you mean…?" with the best pages, below it says it found nothing good.
 */

export const FEATURES = ['coverage', 'strength', 'margin', 'hits', 'understood', 'matched', 'inTitle', 'indirect', 'words', 'agrees', 'disagrees', 'bias'] as const;
export type FeatureName = (typeof FEATURES)[number];

export interface ConfidenceInput {
  target: LanguageIndex;
  ranked: readonly RankedDocument[];
  query: ParsedQuery;
  /** Whether another language's search put the same item first (1) or not (0); undefined when none ran. */
  agreement?: number;
}

/** The model's inputs, each roughly 0–1. */
export function features({ target, ranked, query, agreement }: ConfidenceInput): Record<FeatureName, number> {
  const top = ranked[0];
  const second = ranked[1];
  const counting = query.clauses.filter((clause) => clause.counts && clause.weight > 0);
  const share = (predicate: (clause: Clause) => boolean) => (counting.length === 0 ? 0 : counting.filter(predicate).length / counting.length);
  const matched = new Set((top?.matchedClauses ?? []).map((index) => query.clauses[index]!));
  const title = top === undefined ? [] : target.documents[top.doc]!.titleTerms;
  return {
    understood: share((clause) => clause.alternatives.length > 0),
    matched: share((clause) => matched.has(clause)),
    inTitle: share((clause) => clause.alternatives.some((alternative) => title.includes(alternative.term))),
    coverage: top?.coverage ?? 0,
    strength: top === undefined ? 0 : 1 - Math.exp(-top.score / 4),
    // A lone hit is no sign of a clear winner: it is what a question with one stray word finds.
    margin: top === undefined || second === undefined || top.score <= 0 ? 0 : (top.score - second.score) / top.score,
    hits: Math.min(1, ranked.length / 10),
    words: Math.min(1, counting.length / 6),
    agrees: agreement === 1 ? 1 : 0,
    disagrees: agreement === 0 ? 1 : 0,
    // Words that reached the pages only through a translation, a respelling or a typo match: less sure than the words themselves.
    indirect: share((clause) => clause.alternatives.length > 0 && !clause.alternatives.some((alternative) => alternative.via === 'exact' || alternative.via === 'compound')),
    bias: 1,
  };
}

const calibrationSchema = z.object({
  version: z.literal(1),
  weights: z.record(z.string(), z.number()),
  /** Probability at which the first hit is shown as the answer. */
  answerAt: z.number().min(0).max(1),
  /** Probability at which the best hits are offered as "did you mean…?". */
  suggestAt: z.number().min(0).max(1),
  /** How it was fitted, for people reading the file. */
  fittedOn: z.string().optional(),
});

export type Calibration = z.infer<typeof calibrationSchema>;

export const CALIBRATION_FILE = 'src/search/calibration.json';

let shipped: Calibration | undefined;

/** The shipped calibration (`src/search/calibration.json`), loaded once. */
export function shippedCalibration(): Calibration {
  shipped ??= calibrationSchema.parse(JSON.parse(readFileSync(resolvePackagePath(CALIBRATION_FILE), 'utf8')));
  return shipped;
}

export function parseCalibration(json: unknown): Calibration {
  return calibrationSchema.parse(json);
}

/** Probability that the first hit is right. */
export function probability(values: Record<FeatureName, number>, calibration: Calibration): number {
  let sum = 0;
  for (const name of FEATURES) sum += (calibration.weights[name] ?? 0) * values[name];
  return 1 / (1 + Math.exp(-sum));
}

export type Verdict = 'answer' | 'suggest' | 'none';

export function verdictOf(confidence: number, hasHits: boolean, calibration: Calibration): Verdict {
  if (!hasHits) return 'none';
  if (confidence >= calibration.answerAt) return 'answer';
  return confidence >= calibration.suggestAt ? 'suggest' : 'none';
}
