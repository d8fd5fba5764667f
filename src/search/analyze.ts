import { foldDiacritics, normaliseText, scriptOf, scriptOfLanguage, splitWords, type Script } from './normalise.js';
import { stemmerFor } from './stemmers.js';
import { stopwordsFor } from './stopwords.js';

/**
 * Text → index terms: normalise, split into words, drop stop words, stem, fold diacritics.
 * Index and query go through the same function, so whatever a page says and whatever a user
 * types meet in one form.
 */

export interface Token {
  /** The index term (stemmed, folded). */
  term: string;
  /** The normalised word as written, before stemming (for fuzzy matching and highlighting). */
  word: string;
  /** Position among the words of the text, stop words included (for proximity). */
  position: number;
  /** Written as an acronym ("BuT"): never a stop word, in any language it is read in. */
  acronym: boolean;
}

/** Which language's rules to apply to a word, given the languages a text may be in (first wins). */
const SCRIPT_DEFAULT_LANGUAGE: Record<Script, string> = { latin: 'en', arabic: 'ar', cyrillic: 'uk', greek: 'el', other: 'und' };

export function languageForWord(word: string, candidates: readonly string[]): string {
  const script = scriptOf(word);
  return candidates.find((language) => scriptOfLanguage(language) === script) ?? SCRIPT_DEFAULT_LANGUAGE[script];
}

/** Longer "words" are URLs, hashes or keyboard mashing; the longest German words in content stay below. */
const MAX_WORD_LENGTH = 48;

/**
 * Analyses one normalised word in a known language; null when it is a stop word or too short.
 * `keep` protects acronyms that look like stop words ("BuT", "WAS" for Wohnungsamt…).
 */
export function analyzeWord(word: string, language: string, keep = false): string | null {
  if ((word.length < 2 && !/\d/.test(word)) || word.length > MAX_WORD_LENGTH) return null;
  if (!keep && stopwordsFor(language).has(word)) return null;
  return stem(word, language);
}

// Compound splitting stems many substrings of the same words; a bounded cache per language keeps that cheap.
const STEM_CACHE_LIMIT = 200_000;
const stemCaches = new Map<string, Map<string, string>>();

function stem(word: string, language: string): string {
  let cache = stemCaches.get(language);
  if (cache === undefined) stemCaches.set(language, (cache = new Map()));
  let term = cache.get(word);
  if (term === undefined) {
    const stemmed = stemmerFor(language)(word);
    term = foldDiacritics(stemmed.length >= 2 ? stemmed : word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, term);
  }
  return term;
}

// Index building meets the same few thousand written words over and over; caching what each
// written word becomes makes analysis of a large region several times faster. Bounded, because
// questions bring arbitrary words.
const WORD_CACHE_LIMIT = 100_000;
const wordCaches = new Map<string, Map<string, readonly (readonly [term: string, word: string])[]>>();

function analyzeWritten(written: string, languages: readonly string[], cacheKey: string): readonly (readonly [string, string])[] {
  let cache = wordCaches.get(cacheKey);
  if (cache === undefined) wordCaches.set(cacheKey, (cache = new Map()));
  let result = cache.get(written);
  if (result === undefined) {
    const caseLanguage = languages.includes('tr') ? 'tr' : (languages[0] ?? 'en');
    // Plain ASCII words (most of a German or English page) need no script folding.
    const words = /^[A-Za-z0-9]+$/.test(written) ? [written.toLowerCase()] : splitWords(normaliseText(written, caseLanguage));
    const keep = isAcronym(written);
    result = words.flatMap((word) => {
      const term = analyzeWord(word, languageForWord(word, languages), keep);
      return term === null ? [] : [[term, word] as const];
    });
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(written, result);
  }
  return result;
}

/**
 * Analyses a text. `languages` lists the languages the text may be written in, most likely
 * first: a German page is `['de']`; an Arabic question searched in German pages is
 * `['de', 'ar']`, so its Latin words are treated as German and its Arabic words as Arabic.
 * Positions start at `offset`.
 */
export function analyze(text: string, languages: readonly string[], offset = 0): Token[] {
  const tokens: Token[] = [];
  const cacheKey = languages.join(',');
  const written = splitWords(text.normalize('NFKC'));
  for (let position = 0; position < written.length; position++) {
    const acronym = isAcronym(written[position]!);
    for (const [term, word] of analyzeWritten(written[position]!, languages, cacheKey)) tokens.push({ term, word, position: position + offset, acronym });
  }
  return tokens;
}

/** Like `analyze`, without building token objects: the index analyses a million words. */
export function analyzeEach(text: string, languages: readonly string[], visit: (term: string, word: string, position: number) => void): void {
  const cacheKey = languages.join(',');
  const written = splitWords(text.normalize('NFKC'));
  for (let position = 0; position < written.length; position++) {
    for (const [term, word] of analyzeWritten(written[position]!, languages, cacheKey)) visit(term, word, position);
  }
}

/** "BuT", "ALG", "BAMF": two or more capitals and no lower-case run longer than one letter. */
function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && /^\p{Lu}/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}{2}/u.test(word);
}
