import type { ItemKind, Region, SearchableItem } from '../content/model.js';
import { pickSentences, type AnswerOptions, defaultAnswerOptions } from './answer.js';
import type { Glossary } from './glossary.js';
import { LanguageIndex, type IndexedDocument } from './language-index.js';
import { withDefaults, type SearchOptions } from './options.js';
import { parseQuery, type Clause, type ParsedQuery } from './query.js';
import { rank, type RankedDocument } from './rank.js';
import { alignedSegments, learnTranslations, type TermTranslations } from './translation/learned.js';
import { readingOrder } from '../content/languages.js';
import { scriptOf, scriptOfLanguage } from './normalise.js';
import { features, probability, shippedCalibration, verdictOf, type Calibration, type FeatureName, type Verdict } from './confidence.js';

/**
 * Search over one region: an index per language, queried in the user's language first and in
 * the region's main language when that finds nothing good. This is the function the bot, the
 * console and the CLI call.
 */

export interface SearchRequest {
  text: string;
  /**
   * The user's language. When the region has no content in it, the languages the user likely
   * reads and the main language are searched, through translations of the question's words.
   */
  language: string;
  limit?: number;
  /** Restrict to these kinds of content; default all. */
  kinds?: ItemKind[];
  /** Never fall back to the main language (evaluation of one language's pages). */
  noFallback?: boolean;
  /** Answer sentences are picked for this many of the first hits (default: all); the rest get none. */
  sentencesFor?: number;
  /**
   * Languages the user reads, best first, to show items in when the region has none in theirs
   * (default: `readingOrder` — their own, related ones, English, the main language).
   */
  readable?: string[];
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
  /** True when the item shown is not in the user's language (the region has no version in it). */
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
  /** What the confidence was computed from, and the thresholds it is held against. */
  calibration: { features: Record<FeatureName, number>; answerAt: number; suggestAt: number } | null;
}

export interface SearchResult {
  hits: Hit[];
  /** 0–1: the calibrated probability that the first hit answers the question. */
  confidence: number;
  /** Whether the first hit is shown as the answer (`verdict` is `answer`). */
  answered: boolean;
  /** Show the first hit as the answer, offer the best hits as "did you mean…?", or say nothing good was found. */
  verdict: Verdict;
  explanation: SearchExplanation;
  /** Time spent, in milliseconds. */
  ms: number;
}

/** Characters of a question that are searched. */
export const MAX_QUERY_LENGTH = 600;

/**
 * The raw strength of a language's best hit (its coverage of the question times the strength of
 * its score): which language's pages answer better, and whether to search further.
 */
export function confidenceOf(top: RankedDocument | undefined): number {
  if (top === undefined) return 0;
  const strength = 1 - Math.exp(-top.score / 4);
  return Math.round(top.coverage * strength * 1000) / 1000;
}

/**
 * Translated pages are found twice: in the user's language, and — through the question's words
 * translated — as the originals in the main language. Each of the user's pages gets `weight`
 * times its original's score as a vote, which evens out the wording of translations
 * (machine-translated pages vary theirs).
 */
function withVotes(own: LanguageResult, votes: LanguageResult, weight: number, limit: number): LanguageResult {
  const combined = new Map<number, RankedDocument>(own.ranked.map((ranked) => [ranked.doc, { ...ranked }]));
  for (const vote of votes.ranked) {
    const original = votes.target.documents[vote.doc]!;
    const id = original.item.translations[own.target.language];
    const doc = id === undefined ? undefined : own.target.numberOf(original.kind, id);
    if (doc === undefined) continue;
    const entry = combined.get(doc) ?? { doc, score: 0, matchedClauses: [], coverage: 0 };
    entry.score += weight * vote.score;
    combined.set(doc, entry);
  }
  const ranked = [...combined.values()].sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, limit);
  return { ...own, ranked };
}

interface LanguageResult {
  target: LanguageIndex;
  query: ParsedQuery;
  ranked: RankedDocument[];
  confidence: number;
}

export class RegionSearch {
  readonly options: SearchOptions;
  private readonly calibration: Calibration;
  private readonly indexes = new Map<string, LanguageIndex>();
  private readonly translations = new Map<string, TermTranslations>();

  constructor(
    readonly region: Region,
    private readonly glossary: Glossary | null,
    options: Partial<SearchOptions> = {},
    private readonly answerOptions: AnswerOptions = defaultAnswerOptions,
  ) {
    this.options = withDefaults(options);
    this.calibration = this.options.calibration ?? shippedCalibration();
    const languages = new Set([...region.pages, ...region.events, ...region.pois].map((item) => item.language));
    for (const language of languages) this.indexes.set(language, new LanguageIndex(region, language, this.options));
  }

  index(language: string): LanguageIndex | undefined {
    return this.indexes.get(language);
  }

  /** Languages the region has content in. */
  get languages(): string[] {
    return [...this.indexes.keys()];
  }

  /**
   * The languages a question is searched in, in order: the user's own when the region has it;
   * when it does not, the languages they likely read and the main language (see `readingOrder`).
   */
  private searchOrder(language: string): string[] {
    const order = readingOrder(language, this.languages, this.region.defaultLanguage);
    if (order.length === 0) return this.languages.slice(0, 1);
    if (order[0] === language) return [language, ...order.filter((code) => code === this.region.defaultLanguage && code !== language)];
    // No pages in the user's language: the best readable one and the originals.
    return [...new Set([order[0]!, this.region.defaultLanguage])].filter((code) => this.indexes.has(code));
  }

  search(request: SearchRequest): SearchResult {
    const started = performance.now();
    // A pasted letter is not a question; its beginning says what it is about.
    if (request.text.length > MAX_QUERY_LENGTH) request = { ...request, text: request.text.slice(0, MAX_QUERY_LENGTH) };
    const limit = request.limit ?? this.options.limit;
    const accept = request.kinds ? (document: IndexedDocument) => request.kinds!.includes(document.kind) : undefined;
    const [first, ...rest] = this.searchOrder(request.language);
    if (first === undefined) return this.empty(request, started);
    const hasOwn = first === request.language;

    const own = this.searchIn(this.indexes.get(first)!, request, limit, accept);
    const votes = hasOwn && this.options.mainLanguageVote > 0 ? this.mainLanguageVotes(own, request, limit, accept) : undefined;
    const primary = votes === undefined ? own : withVotes(own, votes, this.options.mainLanguageVote, limit);
    const results = [primary];
    // The user's own pages answer when they can; the others are searched when they did not,
    // when there are no own pages, or when the question has main-language words ("Anmeldung")
    // that the user's pages lack. The main language's search for the votes serves again here.
    const searchOthers = !request.noFallback && (!hasOwn || primary.confidence < this.options.fallbackBelow || this.asksInMainLanguage(primary));
    if (searchOthers) {
      for (const language of rest) {
        results.push(votes?.target.language === language ? { ...votes, ranked: votes.ranked.slice(0, limit) } : this.searchIn(this.indexes.get(language)!, request, limit, accept));
      }
    }
    // The more confident language leads; the other fills up the list.
    const ordered = [...results].sort((a, b) => b.confidence - a.confidence);
    const leading = ordered[0]!;
    const others = [...ordered.slice(1), ...(votes && !results.some((result) => result.target === votes.target) ? [votes] : [])];
    const signals = features({ target: leading.target, ranked: leading.ranked, query: leading.query, agreement: this.agreement(leading, others) });
    const confidence = Math.round(probability(signals, this.calibration) * 1000) / 1000;
    const shownIn = request.readable?.filter((code) => this.indexes.has(code)) ?? readingOrder(request.language, this.languages, this.region.defaultLanguage);
    const hits: Hit[] = [];
    const seen = new Set<string>();
    const sentencesFor = request.sentencesFor ?? limit;
    for (const result of ordered) {
      for (const ranked of result.ranked) {
        if (hits.length >= limit) break;
        const document = result.target.documents[ranked.doc]!;
        const shown = this.shownDocument(document, shownIn);
        // The same page found in two languages is shown once, as the item the user will see.
        const key = `${shown.kind}:${shown.item.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push(this.toHit(result, ranked, shown, request.language, hits.length < sentencesFor));
      }
    }
    const verdict = verdictOf(confidence, hits.length > 0, this.calibration);
    return {
      hits,
      confidence,
      answered: verdict === 'answer',
      verdict,
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
        fellBack: leading.target.language !== request.language,
        calibration: { features: signals, answerAt: this.calibration.answerAt, suggestAt: this.calibration.suggestAt },
      },
      ms: performance.now() - started,
    };
  }

  /** Learns now what questions would otherwise learn on first use: each language's term translations into the main language. */
  warm(): void {
    for (const language of this.indexes.keys()) this.translationsBetween(language, this.region.defaultLanguage);
  }

  /**
   * Term translations from a language into an index's language, learned from the region's
   * translated pages on first use (both must have content here).
   */
  translationsBetween(source: string, target: string): TermTranslations | null {
    if (!this.options.learnTranslations || source === target) return null;
    const from = this.indexes.get(source);
    const to = this.indexes.get(target);
    if (from === undefined || to === undefined) return null;
    const key = `${source}>${target}`;
    let learned = this.translations.get(key);
    if (learned === undefined) this.translations.set(key, (learned = learnTranslations(alignedSegments(from, to))));
    return learned;
  }

  private searchIn(target: LanguageIndex, request: SearchRequest, limit: number, accept?: (document: IndexedDocument) => boolean): LanguageResult {
    const resources = { glossary: this.glossary, translations: this.translationsBetween(request.language, target.language) };
    const query = parseQuery(request.text, request.language, target, resources, this.options);
    const ranked = rank(target, query, this.options, limit, accept);
    return { target, query, ranked, confidence: confidenceOf(ranked[0]) };
  }

  /**
   * Whether another language's search found the same item first (1), another one (0), or there
   * was none (undefined): two readings of the question that agree are surer than one.
   */
  private agreement(leading: LanguageResult, others: readonly LanguageResult[]): number | undefined {
    const top = leading.ranked[0];
    // A search that understood little of the question (German words searched in Arabic pages) has no say.
    const other = others.find((result) => result.ranked.length > 0 && result.confidence >= this.options.fallbackBelow);
    if (top === undefined || other === undefined) return undefined;
    const item = leading.target.documents[top.doc]!;
    const otherItem = other.target.documents[other.ranked[0]!.doc]!;
    const same = otherItem.kind === item.kind && (otherItem.item.id === item.item.id || otherItem.item.translations[leading.target.language] === item.item.id || item.item.translations[other.target.language] === otherItem.item.id);
    return same ? 1 : 0;
  }

  /** The main language's search whose hits vote for their translations (see `withVotes`); none when the user's pages are the main language's. */
  private mainLanguageVotes(own: LanguageResult, request: SearchRequest, limit: number, accept?: (document: IndexedDocument) => boolean): LanguageResult | undefined {
    const main = this.indexes.get(this.region.defaultLanguage);
    if (main === undefined || main === own.target) return undefined;
    return this.searchIn(main, request, Math.max(limit, this.options.rerankDepth) * 2, accept);
  }

  /** Whether the question has words in the main language's script that the searched pages do not have as such. */
  private asksInMainLanguage(result: LanguageResult): boolean {
    const main = this.region.defaultLanguage;
    if (result.target.language === main) return false;
    const script = scriptOfLanguage(main);
    return result.query.clauses.some((clause) => clause.kind === 'word' && scriptOf(clause.label) === script && !clause.alternatives.some((alternative) => alternative.via === 'exact'));
  }

  /** The version of a found item the user is shown: the first of their reading languages it is translated into. */
  private shownDocument(document: IndexedDocument, shownIn: readonly string[]): IndexedDocument {
    for (const language of shownIn) {
      if (language === document.item.language) return document;
      const id = document.item.translations[language];
      const translated = id === undefined ? undefined : this.indexes.get(language)?.documentOf(document.kind, id);
      if (translated !== undefined) return translated;
    }
    return document;
  }

  /** A hit as the user sees it; sentences from the shown item, chosen by the question read in that item's language. */
  private toHit(result: LanguageResult, ranked: RankedDocument, shown: IndexedDocument, language: string, withSentences: boolean): Hit {
    const { target, query } = result;
    const matchedTerms = ranked.matchedClauses.map((index) => query.clauses[index]!.label);
    let sentences: string[] = [];
    if (withSentences) {
      const shownIndex = this.indexes.get(shown.item.language)!;
      const shownQuery = shownIndex === target ? query : parseQuery(query.text, language, shownIndex, { glossary: this.glossary, translations: this.translationsBetween(language, shownIndex.language) }, this.options);
      sentences = pickSentences(shown, shownQuery, shownIndex, this.options, this.answerOptions).map((sentence) => sentence.text);
    }
    return {
      kind: shown.kind,
      item: shown.item,
      score: ranked.score,
      matchedTerms,
      coverage: ranked.coverage,
      foundIn: target.language,
      sentences,
      otherLanguage: shown.item.language !== language,
    };
  }

  private empty(request: SearchRequest, started: number): SearchResult {
    return {
      hits: [],
      confidence: 0,
      answered: false,
      verdict: 'none',
      explanation: { language: request.language, searched: [], clauses: [], glossary: [], fellBack: false, calibration: null },
      ms: performance.now() - started,
    };
  }
}
