/**
 * Tunable search parameters. Defaults were tuned on the OMoS-QA train split (`lotse eval
 * --split train`) and are reported on dev; see the README for the numbers.
 */
export interface SearchOptions {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** Field weights and length normalisation. */
  fields: {
    title: { weight: number; b: number };
    /** Titles of the parent pages (the breadcrumb), category of a place, location of an event. */
    context: { weight: number; b: number };
    headings: { weight: number; b: number };
    body: { weight: number; b: number };
  };
  /**
   * Bonus, relative to the words' idf, when two neighbouring words of the question also stand in
   * one sentence (or the title) of a page: "Offenes Haus" beats a page with "offen" here and
   * "Haus" there. 0 disables.
   */
  proximityWeight: number;
  /** How many of the best pages get the proximity bonus. */
  rerankDepth: number;
  /** Weight of a compound part in the index ("kurs" inside "Integrationskurs"), relative to a whole word. */
  compoundPartWeight: number;
  /** Weight of a vocabulary word one or two edits away from a query word, per edit. */
  fuzzyPenaltyPerEdit: number;
  /** Weight of a query word's compound parts when the whole word is not in the index. */
  queryPartWeight: number;
  /** Weight of glossary expansions relative to the user's own words. */
  glossaryWeight: number;
  /** Score multiplier for pages without text of their own (category pages). */
  emptyPagePenalty: number;
  /** Hits returned. */
  limit: number;
  /**
   * Below this confidence the bot says honestly that it found no good answer and offers the
   * closest pages. Calibrated on OMoS-QA train (91 % of right first hits are above it) and on
   * off-topic questions (`bench/queries/off-topic.jsonl`, 86 % below).
   */
  answerThreshold: number;
  /** Below this confidence, the search also tries the region's main language. */
  fallbackBelow: number;
  /** Answer sentences shown at most. */
  maxSentences: number;
}

export const defaultSearchOptions: SearchOptions = {
  k1: 3,
  fields: {
    title: { weight: 5, b: 0.5 },
    context: { weight: 0.6, b: 0.5 },
    headings: { weight: 2.5, b: 0.5 },
    body: { weight: 1, b: 0.75 },
  },
  proximityWeight: 0.15,
  rerankDepth: 15,
  compoundPartWeight: 0.5,
  fuzzyPenaltyPerEdit: 0.3,
  queryPartWeight: 0.6,
  glossaryWeight: 0.5,
  emptyPagePenalty: 0.6,
  limit: 10,
  answerThreshold: 0.4,
  fallbackBelow: 0.35,
  maxSentences: 3,
};

/** Deep-merges partial options over the defaults. */
export function withDefaults(options: Partial<SearchOptions> = {}): SearchOptions {
  return {
    ...defaultSearchOptions,
    ...options,
    fields: { ...defaultSearchOptions.fields, ...options.fields },
  };
}
