import { analyze, analyzeWord, languageForWord, type Token } from './analyze.js';
import type { Glossary, GlossaryMatch } from './glossary.js';
import type { LanguageIndex } from './language-index.js';
import { scriptOf, scriptOfLanguage } from './normalise.js';
import type { SearchOptions } from './options.js';
import type { TermTranslations } from './translation/learned.js';
import { cyrillicToGerman, siblingSpellings } from './transliterate.js';

/**
 * A question turned into clauses. A clause is one thing the user asked for — a word, or a
 * glossary concept — with the index terms that may stand for it; a document earns the best of
 * a clause's alternatives, never their sum, so a word with five spellings counts once.
 *
 * A word reaches the pages in one of these ways: as it is (exactly, with a typo, or through its
 * compound parts), or — when the pages do not have it because it is in another language or in a
 * colloquial form — through its translations: glossary concepts that name it, and the term
 * translations learned from the region's own translated pages.
 */

export interface Alternative {
  term: string;
  weight: number;
  via: 'exact' | 'fuzzy' | 'compound' | 'respelled' | 'glossary' | 'translation';
}

export interface Clause {
  /** What the user typed (a word or words) or the glossary concept id. */
  label: string;
  kind: 'word' | 'glossary';
  weight: number;
  alternatives: Alternative[];
  /** Whether this clause counts when judging how much of the question a hit covers. */
  counts: boolean;
}

export interface ParsedQuery {
  text: string;
  /** Languages the question is analysed in, the index language first. */
  languages: string[];
  clauses: Clause[];
  /** Clause indexes of words that stand next to each other in the question. */
  pairs: [number, number][];
  glossary: GlossaryMatch[];
}

/** What a query may use beyond the index: the glossary and the learned translations into the index language. */
export interface QueryResources {
  glossary: Glossary | null;
  /** Term translations from the user's language into the index language, learned from the region. */
  translations?: TermTranslations | null;
}

/**
 * Whether a word of the question is read as a word of the pages' language: it is in their
 * script, and the question is either in that language or in another script (a German word in
 * an Arabic question). A Polish word searched in English pages is not.
 */
function isNative(word: string, queryLanguage: string, indexLanguage: string): boolean {
  const script = scriptOf(word);
  if (script !== scriptOfLanguage(indexLanguage) && !/^\d+$/.test(word)) return false;
  return queryLanguage === indexLanguage || script !== scriptOfLanguage(queryLanguage);
}

export function parseQuery(text: string, queryLanguage: string, target: LanguageIndex, resources: QueryResources | Glossary | null, options: SearchOptions): ParsedQuery {
  const { glossary, translations } = resources === null || 'match' in resources ? { glossary: resources, translations: null } : resources;
  const languages = [...new Set([target.language, queryLanguage])];
  const clauses: Clause[] = [];
  const clauseOfWord = new Map<string, number>();
  const seen = new Set<string>();

  // Each word is read in its own language: the user's, else the pages', German, English.
  const tokens = analyze(text, [queryLanguage, target.language, 'de', 'en']);
  for (const token of tokens) {
    const native = isNative(token.word, queryLanguage, target.language);
    // How the pages' index would have analysed this word.
    const term = native ? token.term : analyzeWord(token.word, languageForWord(token.word, [target.language]), token.acronym);
    const key = term ?? `${queryLanguage}:${token.term}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const clause: Clause = { label: token.word, kind: 'word', weight: 1, alternatives: [], counts: true };
    clauseOfWord.set(token.word, clauses.length);
    clauses.push(clause);
    if (term !== null && target.vocabulary.has(term)) {
      clause.alternatives.push({ term, weight: 1, via: 'exact' });
      continue;
    }
    if (!native || term === null) {
      for (const translation of translations?.of(token.term) ?? []) {
        if (target.vocabulary.has(translation.term)) clause.alternatives.push({ term: translation.term, weight: options.translationWeight * translation.weight, via: 'translation' });
      }
      if (clause.alternatives.length === 0) clause.alternatives.push(...respelled(token.word, queryLanguage, target, options));
      continue;
    }
    for (const match of target.vocabulary.similar(term)) {
      clause.alternatives.push({ term: match.term, weight: 1 - options.fuzzyPenaltyPerEdit * match.distance, via: 'fuzzy' });
    }
    if (clause.alternatives.length === 0) clause.alternatives.push(...respelled(token.word, queryLanguage, target, options));
    // An unknown compound ("Abendkurs") asks for each of its parts ("Abend", "Kurs").
    const parts = target.compoundParts(token.word);
    if (parts !== null && clause.alternatives.length === 0) {
      clauses.pop();
      clauseOfWord.delete(token.word);
      for (const part of parts) {
        if (seen.has(part)) continue;
        seen.add(part);
        clauses.push({ label: token.word, kind: 'word', weight: options.queryPartWeight, alternatives: [{ term: part, weight: 1, via: 'compound' }], counts: true });
      }
    }
  }

  const pairs = neighbourPairs(tokens, clauses);

  const matches = glossary?.match(text, target.language, queryLanguage) ?? [];
  for (const match of matches) {
    const alternatives = conceptAlternatives(match, target);
    if (alternatives.length === 0) continue;
    const bridged = bridgeWords(match, alternatives, clauses, clauseOfWord, options);
    // A concept that stands in for the user's words is that clause; it is not asked for twice.
    if (match.tier === 'integration' && !bridged) {
      clauses.push({ label: match.conceptId, kind: 'glossary', weight: options.glossaryWeight, alternatives, counts: false });
    }
  }

  // A word the pages cannot know (another script, no translation) does not make the answer look
  // worse; a word in the pages' own script that they do not have does: it was asked for.
  for (const clause of clauses) {
    if (clause.kind === 'word' && clause.alternatives.length === 0 && scriptOf(clause.label) !== scriptOfLanguage(target.language)) clause.counts = false;
  }
  // A question written entirely in another script than the pages counts by its glossary concepts.
  if (!clauses.some((clause) => clause.counts)) {
    for (const clause of clauses) clause.counts = clause.kind === 'glossary';
  }
  return { text, languages, clauses, pairs, glossary: matches };
}

/**
 * A word the pages lack as typed, in another spelling they may have: a German word written in
 * Cyrillic ("кіндергельд" → "Kindergeld"), a Russian word on Ukrainian pages. Exact or within
 * the usual typo distance.
 */
function respelled(word: string, queryLanguage: string, target: LanguageIndex, options: SearchOptions): Alternative[] {
  const spellings = [...siblingSpellings(word, queryLanguage, target.language), ...cyrillicToGerman(word)];
  const found = new Map<string, number>();
  for (const spelling of spellings) {
    const term = analyzeWord(spelling, languageForWord(spelling, [target.language]));
    if (term === null) continue;
    const matches = target.vocabulary.has(term) ? [{ term, distance: 0 }] : target.vocabulary.similar(term);
    for (const match of matches) {
      // A transliteration is off by a letter or two by nature ("jobzentr"), so an edit costs half a typo's.
      const weight = options.respellWeight * (1 - (options.fuzzyPenaltyPerEdit / 2) * match.distance);
      if (weight > (found.get(match.term) ?? 0)) found.set(match.term, weight);
    }
  }
  return [...found].map(([term, weight]) => ({ term, weight, via: 'respelled' as const }));
}

/** The index terms a concept may stand for in the pages' language, each variant by its rarest word. */
function conceptAlternatives(match: GlossaryMatch, target: LanguageIndex): Alternative[] {
  const alternatives: Alternative[] = [];
  for (const variant of match.expansions) {
    // A multi-word variant ("polizeiliches Führungszeugnis") can only occur where all its words
    // do; it stands in by its rarest word, so a common word of it ("Polizei") does not.
    if (!variant.every((term) => target.vocabulary.has(term))) continue;
    const term = variant.reduce((rarest, candidate) => (target.index.df(candidate) < target.index.df(rarest) ? candidate : rarest));
    if (!alternatives.some((alternative) => alternative.term === term)) alternatives.push({ term, weight: variant.length === 1 ? 1 : 0.8, via: 'glossary' });
  }
  return alternatives;
}

/**
 * Words the pages do not have take the concept's words as their own: "nauczyć" in a Polish
 * question on English pages becomes "learn". A phrase ("یاد بگیرم") becomes one clause. The
 * curated concept replaces guesses (typo matches, learned translations) for those words.
 * Returns whether it did.
 */
function bridgeWords(match: GlossaryMatch, alternatives: Alternative[], clauses: Clause[], clauseOfWord: Map<string, number>, options: SearchOptions): boolean {
  const indexes = match.words.map((word) => clauseOfWord.get(word)).filter((index): index is number => index !== undefined);
  // An everyday phrase means more than its words ("یاد بگیرم", to learn, is "memory" + "I take"):
  // when the pages have a one-word form of it ("یادگیری"), that stands in for the whole phrase.
  const idiom = match.tier === 'everyday' && indexes.length > 1 && alternatives.some((alternative) => alternative.weight === 1);
  const unmatched = idiom ? indexes : indexes.filter((index) => !clauses[index]!.alternatives.some((alternative) => alternative.via === 'exact' || alternative.via === 'compound'));
  if (unmatched.length === 0) return false;
  if (unmatched.length < indexes.length) {
    // Part of a recognised phrase is on the pages ("anmelden"), part is not ("Wohnsitz"): the
    // concept's own clause asks for the whole phrase, so the missing word does not count against it.
    for (const index of unmatched) if (clauses[index]!.alternatives.length === 0) clauses[index]!.counts = false;
    return false;
  }
  const [first, ...rest] = unmatched;
  const clause = clauses[first!]!;
  clause.label = match.matched;
  // The curated concept replaces guesses, but not a German word recognised in another script.
  clause.alternatives = clause.alternatives.filter((alternative) => alternative.via === 'glossary' || alternative.via === 'respelled');
  for (const alternative of idiom ? alternatives.filter((candidate) => candidate.weight === 1) : alternatives) {
    if (!clause.alternatives.some((known) => known.term === alternative.term)) clause.alternatives.push({ ...alternative, weight: alternative.weight * options.bridgeWeight });
  }
  // The other words of the phrase are now part of the first one's clause.
  for (const index of rest) Object.assign(clauses[index]!, { counts: false, weight: 0, alternatives: [] });
  return true;
}

/** Neighbouring words of the question, as pairs of word clauses, for the proximity bonus. */
function neighbourPairs(tokens: Token[], clauses: Clause[]): [number, number][] {
  const pairs: [number, number][] = [];
  const clauseOf = new Map(clauses.map((clause, index) => [clause.label, index]));
  for (let at = 1; at < tokens.length; at++) {
    const [first, second] = [tokens[at - 1]!, tokens[at]!];
    const a = clauseOf.get(first.word);
    const b = clauseOf.get(second.word);
    if (a !== undefined && b !== undefined && a !== b && second.position - first.position <= 2) pairs.push([a, b]);
  }
  return pairs;
}
