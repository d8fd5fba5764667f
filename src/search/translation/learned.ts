import type { IndexedDocument, LanguageIndex } from '../language-index.js';

/**
 * Term translations learned from a region's own translated pages. Integreat pages are
 * translations of each other; sentence by sentence where the two versions have the same number
 * of sentences (or paragraph by paragraph), their words are aligned with IBM Model 1 (Brown et
 * al., "The Mathematics of Statistical Machine Translation", 1993): expectation–maximisation over
 * co-occurrence, which learns that "Anmeldung" goes with "реєстрація" although both stand beside
 * many other words. Trained in both directions; a pair is kept only when each side is a likely
 * translation of the other, which prunes the many chance co-occurrences of small corpora.
 */

export interface TermTranslation {
  term: string;
  /** 0–1: how sure the alignment is (geometric mean of both directions' probabilities). */
  weight: number;
}

export interface TermTranslations {
  /** Index terms of the target language that translate a source term, most likely first. */
  of(term: string): readonly TermTranslation[];
}

export interface LearnOptions {
  /** EM iterations. */
  iterations: number;
  /** Pairs below this weight are dropped. */
  minWeight: number;
  /** Translations kept per source term. */
  perTerm: number;
  /** Segments longer than this many terms (per side) are not used: alignment in long bags is noise. */
  maxSegmentTerms: number;
}

export const defaultLearnOptions: LearnOptions = { iterations: 4, minWeight: 0.12, perTerm: 3, maxSegmentTerms: 30 };

export type Segment = readonly [source: readonly string[], target: readonly string[]];

export class LearnedTranslations implements TermTranslations {
  constructor(private readonly table: ReadonlyMap<string, readonly TermTranslation[]>) {}

  of(term: string): readonly TermTranslation[] {
    return this.table.get(term) ?? [];
  }

  static readonly empty = new LearnedTranslations(new Map());
}

/** Pairs of aligned segments (title with title, sentence with sentence or paragraph with paragraph) of two languages' documents. */
export function alignedSegments(source: LanguageIndex, target: LanguageIndex, maxTerms = defaultLearnOptions.maxSegmentTerms): Segment[] {
  const segments: Segment[] = [];
  const push = (a: readonly string[], b: readonly string[]) => {
    if (a.length > 0 && b.length > 0 && a.length <= maxTerms && b.length <= maxTerms) segments.push([a, b]);
  };
  for (const document of source.documents) {
    const id = document.item.translations[target.language];
    const other = id === undefined ? undefined : target.documentOf(document.kind, id);
    if (other === undefined) continue;
    push(document.titleTerms, other.titleTerms);
    if (document.sentences.length === other.sentences.length) {
      document.sentences.forEach((sentence, index) => push(sentence.terms, other.sentences[index]!.terms));
      continue;
    }
    const blocksA = byBlock(document);
    const blocksB = byBlock(other);
    if (blocksA.length === blocksB.length) blocksA.forEach((terms, index) => push(terms, blocksB[index]!));
  }
  return segments;
}

function byBlock(document: IndexedDocument): string[][] {
  const blocks = new Map<number, Set<string>>();
  for (const sentence of document.sentences) {
    let terms = blocks.get(sentence.block);
    if (terms === undefined) blocks.set(sentence.block, (terms = new Set()));
    for (const term of sentence.terms) terms.add(term);
  }
  return [...blocks.values()].map((terms) => [...terms]);
}

/**
 * IBM Model 1: t(target | source) for every pair of terms that co-occur in a segment. Each pair
 * gets a slot once; the iterations then run over typed arrays only.
 */
interface Model1 {
  /** Pair key (`source * targetCount + target`) → slot. */
  slotOf: Map<number, number>;
  /** t(target | source) per slot. */
  t: Float64Array;
}

function model1(segments: readonly (readonly [Int32Array, Int32Array])[], sourceCount: number, targetCount: number, iterations: number): Model1 {
  const nullId = sourceCount; // the empty word: target words that translate nothing
  const slotOf = new Map<number, number>();
  const slotSource: number[] = [];
  // Per segment and target word: the slots of (source word, target word), the empty word first.
  let total = 0;
  for (const [source, target] of segments) total += target.length * (source.length + 1);
  const slots = new Int32Array(total);
  let at = 0;
  for (const [source, target] of segments) {
    for (const f of target) {
      for (let index = -1; index < source.length; index++) {
        const e = index < 0 ? nullId : source[index]!;
        const key = e * targetCount + f;
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slotOf.set(key, (slot = slotSource.length));
          slotSource.push(e);
        }
        slots[at++] = slot;
      }
    }
  }
  const t = new Float64Array(slotSource.length).fill(1);
  const counts = new Float64Array(slotSource.length);
  const totals = new Float64Array(sourceCount + 1);
  for (let iteration = 0; iteration < iterations; iteration++) {
    counts.fill(0);
    totals.fill(0);
    at = 0;
    for (const [source, target] of segments) {
      const width = source.length + 1;
      for (let word = 0; word < target.length; word++, at += width) {
        let denominator = 0;
        for (let index = 0; index < width; index++) denominator += t[slots[at + index]!]!;
        for (let index = 0; index < width; index++) {
          const slot = slots[at + index]!;
          const share = t[slot]! / denominator;
          counts[slot]! += share;
          totals[slotSource[slot]!]! += share;
        }
      }
    }
    for (let slot = 0; slot < t.length; slot++) t[slot] = counts[slot]! / totals[slotSource[slot]!]!;
  }
  return { slotOf, t };
}

/** Learns source → target term translations from aligned segments (both directions, kept where they agree). */
export function learnTranslations(segments: readonly Segment[], options: LearnOptions = defaultLearnOptions): LearnedTranslations {
  if (segments.length === 0) return LearnedTranslations.empty;
  const sourceIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  const idOf = (ids: Map<string, number>, term: string) => {
    let id = ids.get(term);
    if (id === undefined) ids.set(term, (id = ids.size));
    return id;
  };
  const encoded = segments.map(([source, target]) => [Int32Array.from(source, (term) => idOf(sourceIds, term)), Int32Array.from(target, (term) => idOf(targetIds, term))] as const);
  const sourceCount = sourceIds.size;
  const targetCount = targetIds.size;
  const forward = model1(encoded, sourceCount, targetCount, options.iterations);
  const backward = model1(
    encoded.map(([source, target]) => [target, source] as const),
    targetCount,
    sourceCount,
    options.iterations,
  );
  const sourceTerms = [...sourceIds.keys()];
  const targetTerms = [...targetIds.keys()];
  const candidates = new Map<number, { target: number; weight: number }[]>();
  for (const [key, slot] of forward.slotOf) {
    const probability = forward.t[slot]!;
    // sqrt(p · reverse) ≥ minWeight needs p ≥ minWeight²: most chance co-occurrences stop here.
    if (probability < options.minWeight * options.minWeight) continue;
    const e = Math.floor(key / targetCount);
    if (e === sourceCount) continue;
    const f = key - e * targetCount;
    const reverseSlot = backward.slotOf.get(f * sourceCount + e);
    const weight = reverseSlot === undefined ? 0 : Math.sqrt(probability * backward.t[reverseSlot]!);
    if (weight < options.minWeight) continue;
    let list = candidates.get(e);
    if (list === undefined) candidates.set(e, (list = []));
    list.push({ target: f, weight });
  }
  const table = new Map<string, TermTranslation[]>();
  for (const [e, list] of candidates) {
    list.sort((a, b) => b.weight - a.weight);
    table.set(
      sourceTerms[e]!,
      list.slice(0, options.perTerm).map(({ target, weight }) => ({ term: targetTerms[target]!, weight: Math.round(weight * 1000) / 1000 })),
    );
  }
  return new LearnedTranslations(table);
}
