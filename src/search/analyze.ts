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
  return stemCached(word, language);
}

// Index building stems the same few thousand words over and over; a cache per language makes
// stemming nearly free. Bounded, because queries bring arbitrary words.
const STEM_CACHE_LIMIT = 200_000;
const stemCaches = new Map<string, Map<string, string>>();

function stemCached(word: string, language: string): string {
  let cache = stemCaches.get(language);
  if (cache === undefined) stemCaches.set(language, (cache = new Map()));
  let term = cache.get(word);
  if (term === undefined) {
    const stem = stemmerFor(language)(word);
    term = foldDiacritics(stem.length >= 2 ? stem : word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, term);
  }
  return term;
}

/**
 * Analyses a text. `languages` lists the languages the text may be written in, most likely
 * first: a German page is `['de']`; an Arabic question searched in German pages is
 * `['de', 'ar']`, so its Latin words are treated as German and its Arabic words as Arabic.
 */
export function analyze(text: string, languages: readonly string[]): Token[] {
  const tokens: Token[] = [];
  const caseLanguage = languages.includes('tr') ? 'tr' : (languages[0] ?? 'en');
  splitWords(text.normalize('NFKC')).forEach((written, position) => {
    // Plain ASCII words (most of a German or English page) need no script folding.
    const words = /^[A-Za-z0-9]+$/.test(written) ? [written.toLowerCase()] : splitWords(normaliseText(written, caseLanguage));
    for (const word of words) {
      const term = analyzeWord(word, languageForWord(word, languages), isAcronym(written));
      if (term !== null) tokens.push({ term, word, position });
    }
  });
  return tokens;
}

/** "BuT", "ALG", "BAMF": two or more capitals and no lower-case run longer than one letter. */
function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && /^\p{Lu}/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}{2}/u.test(word);
}
