import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolvePackagePath } from '../paths.js';
import { analyzeWord, languageForWord } from './analyze.js';
import { normaliseText, scriptOf, scriptOfLanguage, splitWords } from './normalise.js';

/**
 * The integration glossary: concepts ("residence permit") with the words people use for them in
 * each language, from German administrative terms (Aufenthaltstitel) to everyday ones (كرت
 * الإقامة). At query time, every concept the question mentions — in any language or script —
 * adds that concept's words in the language of the pages being searched. This is how "credit
 * check" finds the SCHUFA page and "bottle deposit" the Pfand page.
 */

const glossaryFileSchema = z.object({
  version: z.literal(1),
  /**
   * `integration` concepts (Aufenthaltstitel, SCHUFA) add a clause of their own to a question;
   * `everyday` words (learn, flat, swallow) only stand in for the user's word where the pages do
   * not have it: in another language, or in a colloquial form the pages never use.
   */
  tier: z.enum(['integration', 'everyday']).default('integration'),
  concepts: z.array(
    z.object({
      id: z.string().min(1),
      terms: z.record(z.string(), z.array(z.string().min(1))),
    }),
  ),
});

export type ConceptTier = 'integration' | 'everyday';

export type GlossaryFile = z.input<typeof glossaryFileSchema>;

export interface GlossaryMatch {
  conceptId: string;
  tier: ConceptTier;
  /** The words of the question that matched, as typed (normalised). */
  matched: string;
  /** The same words, one by one. */
  words: string[];
  /** Index terms for the concept in the target language, each variant as its list of terms. */
  expansions: string[][];
}

/** The language whose official words appear in every region's pages. */
const OFFICIAL_LANGUAGE = 'de';

/**
 * Analyses a glossary term into index terms of a language; empty when it is all stop words.
 * `asIndexReads`: a word of another language is read the way that language's index reads words
 * of its script (a Latin word in Ukrainian pages by English rules).
 */
function termKey(term: string, language: string, asIndexReads = false): string[] {
  return splitWords(normaliseText(term, language))
    .map((word) => analyzeWord(word, asIndexReads ? languageForWord(word, [language]) : language))
    .filter((value): value is string => value !== null);
}

interface Concept {
  id: string;
  tier: ConceptTier;
  terms: Record<string, string[]>;
}

export class Glossary {
  /**
   * "lang:term term" → concept indexes. Keyed by language: a question word read as German only
   * meets German terms, or short stems of one language would meet another's ("to" is no "töten").
   */
  private readonly lookup = new Map<string, Set<number>>();
  private readonly languages: string[];
  private readonly longest: number;
  private readonly expansionCache = new Map<string, string[][]>();
  private readonly concepts: Concept[];

  /** One glossary from one or more files (the integration concepts and the everyday words). */
  constructor(files: readonly z.output<typeof glossaryFileSchema>[]) {
    this.concepts = files.flatMap((file) => file.concepts.map((concept) => ({ ...concept, tier: file.tier })));
    const languages = new Set<string>();
    let longest = 1;
    this.concepts.forEach((concept, index) => {
      for (const [language, terms] of Object.entries(concept.terms)) {
        languages.add(language);
        for (const term of terms) {
          const key = termKey(term, language);
          if (key.length === 0) continue;
          longest = Math.max(longest, key.length);
          const joined = `${language}:${key.join(' ')}`;
          let set = this.lookup.get(joined);
          if (set === undefined) this.lookup.set(joined, (set = new Set()));
          set.add(index);
        }
      }
    });
    this.languages = [...languages];
    this.longest = longest;
  }

  get size(): number {
    return this.concepts.length;
  }

  /**
   * Concepts mentioned in a question, with their words in `targetLanguage`. Each word of the
   * question is read in the user's language, the pages' language, German and English (see
   * `matchLanguages`), so "كرت الإقامة" inside a German question and "Aufenthaltstitel" inside
   * an Arabic one are both found.
   */
  match(question: string, targetLanguage: string, questionLanguage?: string): GlossaryMatch[] {
    const found = new Map<number, string[]>();
    // Only Turkish lower-cases differently (dotted and dotless i); normalise once per rule.
    const normalised = new Map<string, string[]>();
    for (const language of this.matchLanguages(targetLanguage, questionLanguage, question)) {
      const script = scriptOfLanguage(language);
      const rule = language === 'tr' ? 'tr' : 'default';
      let words = normalised.get(rule);
      if (words === undefined) normalised.set(rule, (words = splitWords(normaliseText(question, language))));
      // Sequence of analysed words of this language's script; other words break phrases.
      const sequence: { term: string | null; word: string }[] = [];
      for (const word of words) {
        if (scriptOf(word) !== script) sequence.push({ term: null, word });
        else {
          const term = analyzeWord(word, language);
          if (term !== null) sequence.push({ term, word });
        }
      }
      for (let start = 0; start < sequence.length; start++) {
        const parts: string[] = [];
        for (let end = start; end < sequence.length && end - start < this.longest; end++) {
          const term = sequence[end]!.term;
          if (term === null) break;
          parts.push(term);
          for (const concept of this.lookup.get(`${language}:${parts.join(' ')}`) ?? []) {
            if (!found.has(concept)) found.set(concept, sequence.slice(start, end + 1).map((entry) => entry.word));
          }
        }
      }
    }
    return [...found].map(([index, words]) => {
      const concept = this.concepts[index]!;
      return { conceptId: concept.id, tier: concept.tier, matched: words.join(' '), words, expansions: this.expansions(index, targetLanguage) };
    });
  }

  /**
   * The languages a question's words are read in: the user's, the pages', and German and English,
   * which newcomers mix into every language. Reading every word in all ten languages would let
   * stems collide across languages (English "not" and German "Noten").
   */
  private matchLanguages(targetLanguage: string, questionLanguage: string | undefined, question: string): string[] {
    // Without a hint beyond the pages' language, the question may be in any language.
    if (questionLanguage === undefined || questionLanguage === targetLanguage) return this.languages;
    const wanted = new Set([questionLanguage, targetLanguage, 'de', 'en']);
    // Words in a script none of those languages use ("Kita" hint is "de", text is Arabic) are read in the languages of that script.
    const known = new Set([...wanted].map(scriptOfLanguage));
    const scripts = new Set(splitWords(question).map(scriptOf).filter((script) => !known.has(script)));
    return this.languages.filter((language) => wanted.has(language) || scripts.has(scriptOfLanguage(language)));
  }

  /**
   * A concept's words in the pages' language, as that language's index has them — and its German
   * official words, which translated Integreat pages keep in brackets ("допомога на дітей
   * (Kindergeld)"), read the way that index reads words of their script.
   */
  private expansions(conceptIndex: number, language: string): string[][] {
    const cacheKey = `${conceptIndex}:${language}`;
    let result = this.expansionCache.get(cacheKey);
    if (result === undefined) {
      const { terms } = this.concepts[conceptIndex]!;
      const own = (terms[language] ?? []).map((term) => termKey(term, language));
      const german = language === OFFICIAL_LANGUAGE ? [] : (terms[OFFICIAL_LANGUAGE] ?? []).map((term) => termKey(term, language, true));
      const seen = new Set<string>();
      result = [...own, ...german].filter((key) => key.length > 0 && !seen.has(key.join(' ')) && seen.add(key.join(' ')));
      this.expansionCache.set(cacheKey, result);
    }
    return result;
  }
}

/** The files of the shipped glossary: integration concepts, then everyday words. */
export const GLOSSARY_FILES = ['src/search/glossary/terms.json', 'src/search/glossary/everyday.json'];

let shipped: Glossary | undefined;

/** The glossary shipped with Lotse (`src/search/glossary/*.json`), loaded once. */
export function shippedGlossary(): Glossary {
  if (shipped === undefined) {
    const files = GLOSSARY_FILES.map((file) => resolvePackagePath(file)).filter((file) => existsSync(file));
    shipped = glossaryFrom(...files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown));
  }
  return shipped;
}

/** Builds a glossary from one or more JSON files' contents (validated), e.g. for tests or a region's own additions. */
export function glossaryFrom(...json: unknown[]): Glossary {
  return new Glossary(json.map((file) => glossaryFileSchema.parse(file)));
}
