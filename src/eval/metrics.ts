/** Retrieval and answer-sentence metrics, as pure functions. */

export interface RankingOutcome {
  /** 1-based rank of the first gold item in the result list, or null when it is not in the top 10. */
  rank: number | null;
  ms: number;
}

export interface RankingSummary {
  count: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrrAt10: number;
  p50: number;
  p95: number;
}

export function rankOf(resultIds: readonly string[], gold: ReadonlySet<string>, depth = 10): number | null {
  const index = resultIds.slice(0, depth).findIndex((id) => gold.has(id));
  return index < 0 ? null : index + 1;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summariseRanking(outcomes: readonly RankingOutcome[]): RankingSummary {
  const count = outcomes.length;
  const share = (predicate: (outcome: RankingOutcome) => boolean) => (count === 0 ? 0 : outcomes.filter(predicate).length / count);
  const within = (k: number) => (outcome: RankingOutcome) => outcome.rank !== null && outcome.rank <= k;
  const mrr = count === 0 ? 0 : outcomes.reduce((sum, outcome) => sum + (outcome.rank === null ? 0 : 1 / outcome.rank), 0) / count;
  const times = outcomes.map((outcome) => outcome.ms);
  return { count, recallAt1: share(within(1)), recallAt3: share(within(3)), recallAt5: share(within(5)), mrrAt10: mrr, p50: percentile(times, 50), p95: percentile(times, 95) };
}

export interface SentenceOutcome {
  picked: readonly number[];
  gold: readonly number[];
}

export interface SentenceSummary {
  count: number;
  precision: number;
  recall: number;
  f1: number;
  /** Mean number of sentences picked. */
  shown: number;
}

/**
 * OMoS-QA sentence scoring: per question P = |picked ∩ gold| / |picked| (1 when nothing is
 * picked) and R = |picked ∩ gold| / |gold|; F is the harmonic mean of mean P and mean R.
 */
export function summariseSentences(outcomes: readonly SentenceOutcome[]): SentenceSummary {
  let precision = 0;
  let recall = 0;
  let shown = 0;
  for (const { picked, gold } of outcomes) {
    const goldSet = new Set(gold);
    const hits = new Set(picked.filter((line) => goldSet.has(line))).size;
    precision += picked.length === 0 ? 1 : hits / new Set(picked).size;
    recall += gold.length === 0 ? 1 : hits / goldSet.size;
    shown += picked.length;
  }
  const count = outcomes.length;
  const p = count === 0 ? 0 : precision / count;
  const r = count === 0 ? 0 : recall / count;
  return { count, precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), shown: count === 0 ? 0 : shown / count };
}

/** Mean of each numeric field over several summaries (macro average over languages). */
export function macro<T extends object>(summaries: readonly T[]): T {
  const result: Record<string, number> = {};
  const first = summaries[0];
  if (first === undefined) return result as T;
  for (const key of Object.keys(first)) {
    result[key] = summaries.reduce((sum, summary) => sum + ((summary as Record<string, number>)[key] ?? 0), 0) / summaries.length;
  }
  return result as T;
}
