import type { IndexedDocument, LanguageIndex } from './language-index.js';
import type { SearchOptions } from './options.js';
import type { ParsedQuery } from './query.js';

export interface RankedDocument {
  /** Document number in the language index. */
  doc: number;
  score: number;
  /** Indexes of the query's clauses this document matched. */
  matchedClauses: number[];
  /** Share of the question's weight (by idf) this document covers, 0–1. */
  coverage: number;
}

/**
 * Scores every document that matches any clause: per clause the best alternative's BM25F
 * contribution, summed over clauses. Pure arithmetic over the index's precomputed postings.
 */
export function rank(
  target: LanguageIndex,
  query: ParsedQuery,
  options: SearchOptions,
  limit = options.limit,
  accept: (document: IndexedDocument) => boolean = () => true,
): RankedDocument[] {
  const count = target.documents.length;
  const total = new Float64Array(count);
  const best = new Float64Array(count);
  const matched = query.clauses.map(() => new Set<number>());
  const touched = new Set<number>();

  query.clauses.forEach((clause, clauseIndex) => {
    best.fill(0);
    const docs = matched[clauseIndex]!;
    for (const alternative of clause.alternatives) {
      const postings = target.index.postings(alternative.term);
      if (postings === undefined) continue;
      for (let at = 0; at < postings.docs.length; at++) {
        const doc = postings.docs[at]!;
        const score = alternative.weight * postings.scores[at]!;
        if (score > best[doc]!) best[doc] = score;
        docs.add(doc);
      }
    }
    for (const doc of docs) {
      total[doc]! += clause.weight * best[doc]!;
      touched.add(doc);
    }
  });

  // The weight of each counting clause for coverage: the idf of its rarest alternative.
  const clauseMass = query.clauses.map((clause) =>
    clause.counts ? clause.weight * Math.max(0, ...clause.alternatives.map((alternative) => target.index.idf(alternative.term) * alternative.weight)) || clause.weight * options.unknownWordMass : 0,
  );
  const totalMass = clauseMass.reduce((sum, mass) => sum + mass, 0);

  const scored: { doc: number; score: number }[] = [];
  for (const doc of touched) {
    const document = target.documents[doc]!;
    if (!accept(document)) continue;
    const score = document.hasText ? total[doc]! : total[doc]! * options.emptyPagePenalty;
    scored.push({ doc, score });
  }
  scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
  const top = scored.slice(0, Math.max(limit, options.rerankDepth));
  if (options.proximityWeight > 0 && query.pairs.length > 0) {
    const termsOf = query.clauses.map((clause) => clause.alternatives.map((alternative) => alternative.term));
    const pairValue = query.pairs.map(([a, b]) => (clauseMass[a]! + clauseMass[b]!) / 2 || (maxIdf(target, query.clauses[a]!) + maxIdf(target, query.clauses[b]!)) / 2);
    for (const entry of top) {
      const document = target.documents[entry.doc]!;
      query.pairs.forEach(([a, b], index) => {
        if (together(document, termsOf[a]!, termsOf[b]!)) entry.score += options.proximityWeight * pairValue[index]!;
      });
    }
    top.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
  return top.slice(0, limit).map(({ doc, score }) => {
    const matchedClauses = query.clauses.flatMap((_, index) => (matched[index]!.has(doc) ? [index] : []));
    const covered = matchedClauses.reduce((sum, index) => sum + clauseMass[index]!, 0);
    return { doc, score, matchedClauses, coverage: totalMass > 0 ? covered / totalMass : 0 };
  });
}

function maxIdf(target: LanguageIndex, clause: ParsedQuery['clauses'][number]): number {
  return Math.max(0, ...clause.alternatives.map((alternative) => alternative.weight * target.index.idf(alternative.term)));
}

/** Whether some sentence (or the title) of the document has a term of each list. */
function together(document: IndexedDocument, first: string[], second: string[]): boolean {
  const hasBoth = (terms: readonly string[]) => first.some((term) => terms.includes(term)) && second.some((term) => terms.includes(term));
  return hasBoth(document.titleTerms) || document.sentences.some((sentence) => hasBoth(sentence.terms));
}
