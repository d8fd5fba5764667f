import type { ItemKind, Region, SearchableItem } from '../content/model.js';
import { pickSentences, type AnswerOptions, defaultAnswerOptions } from './answer.js';
import type { Glossary } from './glossary.js';
import { LanguageIndex, type IndexedDocument } from './language-index.js';
import { withDefaults, type SearchOptions } from './options.js';
import { parseQuery, type Clause, type ParsedQuery } from './query.js';
import { rank, type RankedDocument } from './rank.js';

/**
 * Search over one region: an index per language, queried in the user's language first and in
 * the region's main language when that finds nothing good. This is the function the bot, the
 * console and the CLI call.
 */

export interface SearchRequest {
  text: string;
  /** The user's language. When the region has no content in it, the main language is searched. */
  language: string;
  limit?: number;
  /** Restrict to these kinds of content; default all. */
  kinds?: ItemKind[];
  /** Never fall back to the main language (evaluation of one language's pages). */
  noFallback?: boolean;
  /** Answer sentences are picked for this many of the first hits (default: all); the rest get none. */
  sentencesFor?: number;
}

export interface Hit {
  kind: ItemKind;
  item: SearchableItem;
  score: number;
  /** The user's words (or glossary concepts) this hit matched. */
  matchedTerms: string[];
  /** The 1–3 sentences that answer the question, in reading order. */
  sentences: string[];
  /** Share of the question this hit covers, 0–1. */
  coverage: number;
  /** Language of the index the hit was found in. */
  foundIn: string;
  /** True when the item is not in the user's language (no translation exists). */
  otherLanguage: boolean;
}

/** What the search did, for the console's "why" and for logs of unanswered questions. */
export interface SearchExplanation {
  language: string;
  /** Languages searched, in order. */
  searched: string[];
  clauses: { language: string; label: string; kind: Clause['kind']; weight: number; terms: { term: string; weight: number; via: string }[] }[];
  glossary: { conceptId: string; matched: string }[];
  fellBack: boolean;
}

export interface SearchResult {
  hits: Hit[];
  /** 0–1: how sure the search is that the first hit answers the question. */
  confidence: number;
  /** Whether the confidence reaches the answer threshold: false means "no good answer found". */
  answered: boolean;
  explanation: SearchExplanation;
  /** Time spent, in milliseconds. */
  ms: number;
}

/** Characters of a question that are searched. */
export const MAX_QUERY_LENGTH = 600;

/** Confidence from the best hit's coverage of the question and the strength of its score. */
export function confidenceOf(top: RankedDocument | undefined): number {
  if (top === undefined) return 0;
  const strength = 1 - Math.exp(-top.score / 4);
  return Math.round(top.coverage * strength * 1000) / 1000;
}

interface LanguageResult {
  target: LanguageIndex;
  query: ParsedQuery;
  ranked: RankedDocument[];
  confidence: number;
}

export class RegionSearch {
  readonly options: SearchOptions;
  private readonly indexes = new Map<string, LanguageIndex>();

  constructor(
    readonly region: Region,
    private readonly glossary: Glossary | null,
    options: Partial<SearchOptions> = {},
    private readonly answerOptions: AnswerOptions = defaultAnswerOptions,
  ) {
    this.options = withDefaults(options);
    const languages = new Set([...region.pages, ...region.events, ...region.pois].map((item) => item.language));
    for (const language of languages) this.indexes.set(language, new LanguageIndex(region, language, this.options));
  }

  index(language: string): LanguageIndex | undefined {
    return this.indexes.get(language);
  }

  search(request: SearchRequest): SearchResult {
    const started = performance.now();
    // A pasted letter is not a question; its beginning says what it is about.
    if (request.text.length > MAX_QUERY_LENGTH) request = { ...request, text: request.text.slice(0, MAX_QUERY_LENGTH) };
    const limit = request.limit ?? this.options.limit;
    const accept = request.kinds ? (document: IndexedDocument) => request.kinds!.includes(document.kind) : undefined;
    const main = this.region.defaultLanguage;
    const own = this.indexes.get(request.language);
    const first = own ?? this.indexes.get(main) ?? this.indexes.values().next().value;
    if (first === undefined) return this.empty(request, started);

    const primary = this.searchIn(first, request, limit, accept);
    const results = [primary];
    const fallback = this.indexes.get(main);
    if (!request.noFallback && own !== undefined && fallback !== undefined && fallback !== own && primary.confidence < this.options.fallbackBelow) {
      results.push(this.searchIn(fallback, request, limit, accept));
    }
    // The more confident language leads; the other fills up the list.
    const ordered = [...results].sort((a, b) => b.confidence - a.confidence);
    const hits: Hit[] = [];
    const seen = new Set<string>();
    const sentencesFor = request.sentencesFor ?? limit;
    for (const result of ordered) {
      for (const ranked of result.ranked) {
        if (hits.length >= limit) break;
        const document = result.target.documents[ranked.doc]!;
        // The same page found in both languages is shown once, as the item the user will see.
        const key = `${document.kind}:${this.indexes.has(request.language) ? (document.item.translations[request.language] ?? document.item.id) : document.item.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push(this.toHit(result, ranked, request.language, hits.length < sentencesFor));
      }
    }
    return {
      hits,
      confidence: ordered[0]!.confidence,
      answered: ordered[0]!.confidence >= this.options.answerThreshold,
      explanation: {
        language: request.language,
        searched: results.map((result) => result.target.language),
        clauses: results.flatMap((result) =>
          result.query.clauses.map((clause) => ({
            language: result.target.language,
            label: clause.label,
            kind: clause.kind,
            weight: clause.weight,
            terms: clause.alternatives.map(({ term, weight, via }) => ({ term, weight, via })),
          })),
        ),
        glossary: primary.query.glossary.map(({ conceptId, matched }) => ({ conceptId, matched })),
        fellBack: results.length > 1 && ordered[0] !== primary,
      },
      ms: performance.now() - started,
    };
  }

  private searchIn(target: LanguageIndex, request: SearchRequest, limit: number, accept?: (document: IndexedDocument) => boolean): LanguageResult {
    const query = parseQuery(request.text, request.language, target, this.glossary, this.options);
    const ranked = rank(target, query, this.options, limit, accept);
    return { target, query, ranked, confidence: confidenceOf(ranked[0]) };
  }

  /** A hit in the user's language when the item has a translation there; sentences from the shown item. */
  private toHit(result: LanguageResult, ranked: RankedDocument, language: string, withSentences: boolean): Hit {
    const { target, query } = result;
    const document = target.documents[ranked.doc]!;
    const matchedTerms = ranked.matchedClauses.map((index) => query.clauses[index]!.label);
    const base = { kind: document.kind, score: ranked.score, matchedTerms, coverage: ranked.coverage, foundIn: target.language };
    const translatedId = target.language !== language ? document.item.translations[language] : undefined;
    const own = translatedId !== undefined ? this.indexes.get(language) : undefined;
    const translated = translatedId !== undefined ? own?.documentOf(document.kind, translatedId) : undefined;
    if (own !== undefined && translated !== undefined) {
      const sentences = withSentences ? pickSentences(translated, parseQuery(query.text, language, own, this.glossary, this.options), own, this.options, this.answerOptions) : [];
      return { ...base, item: translated.item, sentences: sentences.map((sentence) => sentence.text), otherLanguage: false };
    }
    const sentences = withSentences ? pickSentences(document, query, target, this.options, this.answerOptions) : [];
    return { ...base, item: document.item, sentences: sentences.map((sentence) => sentence.text), otherLanguage: target.language !== language };
  }

  private empty(request: SearchRequest, started: number): SearchResult {
    return {
      hits: [],
      confidence: 0,
      answered: false,
      explanation: { language: request.language, searched: [], clauses: [], glossary: [], fellBack: false },
      ms: performance.now() - started,
    };
  }
}
