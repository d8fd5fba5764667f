/**
 * Typo-tolerant lookup in an index's vocabulary: trigram candidates, verified with the
 * Damerau–Levenshtein distance. Runs in well under a millisecond per word even on the
 * vocabulary of a 10,000-page region, where scanning the whole vocabulary (fuse.js) costs
 * 30–70 ms per word.
 */

export interface FuzzyMatch {
  term: string;
  distance: number;
}

/** Edits allowed for a word of this length: short words must match exactly. */
export function allowedEdits(length: number): number {
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  return 2;
}

function trigrams(term: string): string[] {
  const padded = `^${term}$`;
  const grams: string[] = [];
  for (let index = 0; index + 3 <= padded.length; index++) grams.push(padded.slice(index, index + 3));
  return grams;
}

/** Optimal string alignment distance with an upper bound: returns `bound + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const width = b.length + 1;
  let previous2 = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return bound + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return Math.min(previous[b.length]!, bound + 1);
}

export class Vocabulary {
  private readonly terms: string[];
  private readonly known: Set<string>;
  private readonly gramIndex = new Map<string, Uint32Array>();

  constructor(terms: Iterable<string>) {
    this.known = new Set(terms);
    this.terms = [...this.known];
    const lists = new Map<string, number[]>();
    this.terms.forEach((term, id) => {
      if (term.length < 5) return; // never a fuzzy candidate (see allowedEdits)
      for (const gram of new Set(trigrams(term))) {
        let list = lists.get(gram);
        if (list === undefined) lists.set(gram, (list = []));
        list.push(id);
      }
    });
    for (const [gram, list] of lists) this.gramIndex.set(gram, Uint32Array.from(list));
  }

  has(term: string): boolean {
    return this.known.has(term);
  }

  /** Vocabulary terms within the allowed edits of `term`, closest first (the term itself excluded). */
  similar(term: string, maxEdits = allowedEdits(term.length), limit = 8): FuzzyMatch[] {
    if (maxEdits === 0) return [];
    const grams = trigrams(term);
    const counts = new Map<number, number>();
    for (const gram of new Set(grams)) {
      for (const id of this.gramIndex.get(gram) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // Each edit destroys at most three trigrams.
    const needed = Math.max(1, grams.length - 3 * maxEdits);
    const matches: FuzzyMatch[] = [];
    for (const [id, count] of counts) {
      if (count < needed) continue;
      const candidate = this.terms[id]!;
      if (candidate === term) continue;
      const distance = editDistance(term, candidate, maxEdits);
      if (distance <= maxEdits) matches.push({ term: candidate, distance });
    }
    matches.sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term));
    return matches.slice(0, limit);
  }
}
