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
    /** Pairs of neighbouring words, matched against neighbouring words of the question. */
    pairs: { weight: number; b: number };
  };
  /** Weight of a question's neighbouring-word pairs relative to single words (0 disables). */
  pairClauseWeight: number;
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
  /** Below this confidence, the search also tries the region's main language. */
  fallbackBelow: number;
  /** Answer sentences shown at most. */
  maxSentences: number;
}

export const defaultSearchOptions: SearchOptions = {
  k1: 1.2,
  fields: {
    title: { weight: 3, b: 0.5 },
    context: { weight: 0.6, b: 0.5 },
    headings: { weight: 1.5, b: 0.5 },
    body: { weight: 1, b: 0.75 },
    pairs: { weight: 1, b: 0.75 },
  },
  pairClauseWeight: 0.3,
  compoundPartWeight: 0.5,
  fuzzyPenaltyPerEdit: 0.3,
  queryPartWeight: 0.6,
  glossaryWeight: 0.5,
  emptyPagePenalty: 0.6,
  limit: 10,
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
