import type { Calibration } from './confidence.js';

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
  /**
   * Weight of a glossary concept's words standing in for a word the pages do not have (another
   * language, a colloquial form), relative to the word itself.
   */
  bridgeWeight: number;
  /** Weight of a word found in another spelling (a German word written in Cyrillic, Russian on Ukrainian pages). */
  respellWeight: number;
  /** Weight of a learned term translation (times its alignment weight), relative to the word itself. */
  translationWeight: number;
  /** Learn term translations from the region's translated pages (cross-language search). */
  learnTranslations: boolean;
  /**
   * How much a page's original in the main language, found through the question's translated
   * words, adds to the page's score in the user's language (0: not searched).
   */
  mainLanguageVote: number;
  /**
   * How much a counting word that the pages do not have weighs in the share of the question a
   * hit covers (a known word weighs its idf, about 1–5).
   */
  unknownWordMass: number;
  /** Score multiplier for pages without text of their own (category pages). */
  emptyPagePenalty: number;
  /** Hits returned. */
  limit: number;
  /** Below this raw strength of the best hit, the search also tries the region's main language. */
  fallbackBelow: number;
  /**
   * The confidence model and its answer and "did you mean" thresholds; default: the shipped
   * `calibration.json`, fitted on tuning questions (see `confidence.ts`).
   */
  calibration?: Calibration;
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
  bridgeWeight: 0.9,
  translationWeight: 0.8,
  respellWeight: 0.85,
  learnTranslations: true,
  mainLanguageVote: 0.6,
  unknownWordMass: 2,
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
