import { analyze } from './analyze.js';
import type { Glossary, GlossaryMatch } from './glossary.js';
import type { LanguageIndex } from './language-index.js';
import { scriptOf, scriptOfLanguage } from './normalise.js';
import type { SearchOptions } from './options.js';

/**
 * A question turned into clauses. A clause is one thing the user asked for — a word, or a
 * glossary concept — with the index terms that may stand for it; a document earns the best of
 * a clause's alternatives, never their sum, so a word with five spellings counts once.
 */

export interface Alternative {
  term: string;
  weight: number;
  via: 'exact' | 'fuzzy' | 'compound' | 'glossary';
}

export interface Clause {
  /** What the user typed (a word) or the glossary concept id. */
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

export function parseQuery(
  text: string,
  queryLanguage: string,
  target: LanguageIndex,
  glossary: Glossary | null,
  options: SearchOptions,
): ParsedQuery {
  const languages = [...new Set([target.language, queryLanguage])];
  const indexScript = scriptOfLanguage(target.language);
  const clauses: Clause[] = [];
  const seen = new Set<string>();

  const tokens = analyze(text, languages);
  for (const token of tokens) {
    if (seen.has(token.term)) continue;
    seen.add(token.term);
    const inScript = scriptOf(token.word) === indexScript || /^\d+$/.test(token.word);
    const clause: Clause = { label: token.word, kind: 'word', weight: 1, alternatives: [], counts: inScript };
    clauses.push(clause);
    if (target.vocabulary.has(token.term)) {
      clause.alternatives.push({ term: token.term, weight: 1, via: 'exact' });
      continue;
    }
    for (const match of target.vocabulary.similar(token.term)) {
      clause.alternatives.push({ term: match.term, weight: 1 - options.fuzzyPenaltyPerEdit * match.distance, via: 'fuzzy' });
    }
    // An unknown compound ("Abendkurs") asks for each of its parts ("Abend", "Kurs").
    const parts = target.compoundParts(token.word);
    if (parts !== null && clause.alternatives.length === 0) {
      clauses.pop();
      for (const part of parts) {
        if (seen.has(part)) continue;
        seen.add(part);
        clauses.push({
          label: token.word,
          kind: 'word',
          weight: options.queryPartWeight,
          alternatives: [{ term: part, weight: 1, via: 'compound' }],
          counts: inScript,
        });
      }
    }
  }

  // Neighbouring words of the question, as pairs of word clauses, for the proximity bonus.
  const pairs: [number, number][] = [];
  const clauseOf = new Map(clauses.map((clause, index) => [clause.label, index]));
  for (let at = 1; at < tokens.length; at++) {
    const [first, second] = [tokens[at - 1]!, tokens[at]!];
    const a = clauseOf.get(first.word);
    const b = clauseOf.get(second.word);
    if (a !== undefined && b !== undefined && a !== b && second.position - first.position <= 2) pairs.push([a, b]);
  }

  const matches = glossary?.match(text, target.language, queryLanguage) ?? [];
  for (const match of matches) {
    const alternatives: Alternative[] = [];
    for (const variant of match.expansions) {
      // A multi-word variant ("polizeiliches Führungszeugnis") can only occur where all its words
      // do; it stands in by its rarest word, so a common word of it ("Polizei") does not.
      if (!variant.every((term) => target.vocabulary.has(term))) continue;
      const term = variant.reduce((rarest, candidate) => (target.index.df(candidate) < target.index.df(rarest) ? candidate : rarest));
      alternatives.push({ term, weight: variant.length === 1 ? 1 : 0.8, via: 'glossary' });
    }
    if (alternatives.length > 0) {
      clauses.push({ label: match.conceptId, kind: 'glossary', weight: options.glossaryWeight, alternatives, counts: false });
    }
  }

  // A word in another script than the pages ("Aufenthaltstitel" in an Arabic question) counts
  // when the pages know it; one they cannot know does not make the answer look worse.
  for (const clause of clauses) if (clause.kind === 'word' && clause.alternatives.length > 0) clause.counts = true;
  // A question written entirely in another script than the pages counts by its glossary concepts.
  if (!clauses.some((clause) => clause.counts)) {
    for (const clause of clauses) clause.counts = clause.kind === 'glossary';
  }
  return { text, languages, clauses, pairs, glossary: matches };
}
