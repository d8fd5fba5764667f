/**
 * An immutable BM25F inverted index (Robertson & Zaragoza, "The Probabilistic Relevance
 * Framework: BM25 and Beyond", 2009). Fields are weighted and length-normalised separately and
 * then combined into one pseudo term frequency, so a word in a title counts more than the same
 * word deep in a long page, without the double counting of summing per-field BM25 scores.
 *
 * Every posting's final BM25 contribution is computed once at build time; a query is only
 * additions over typed arrays.
 */

export interface FieldOptions {
  /** How much one occurrence in this field counts, relative to the body. */
  weight: number;
  /** Length normalisation strength (BM25 `b`), 0–1. */
  b: number;
}

export interface IndexOptions {
  /** Term-frequency saturation (BM25 `k1`). Default 1.2. */
  k1: number;
  fields: FieldOptions[];
}

export interface Postings {
  docs: Uint32Array;
  /** BM25F contribution of the term to each doc in `docs`. */
  scores: Float32Array;
  idf: number;
}

interface TermOccurrences {
  docs: number[];
  /** Per doc, `fieldCount` weighted counts, flattened. */
  counts: number[];
}

export class IndexBuilder {
  private readonly occurrences = new Map<string, TermOccurrences>();
  private readonly lengths: number[][] = [];

  constructor(private readonly options: IndexOptions) {}

  private current: { lengths: number[]; counts: Map<string, number[]> } | null = null;

  /** Starts the next document; returns its number (0, 1, 2, … in insertion order). */
  startDocument(): number {
    if (this.current !== null) this.endDocument();
    this.current = { lengths: new Array<number>(this.options.fields.length).fill(0), counts: new Map() };
    return this.lengths.length;
  }

  /** One occurrence of a term in a field of the current document; `weight` < 1 for derived terms. */
  add(field: number, term: string, weight = 1): void {
    const current = this.current;
    if (current === null) throw new Error('IndexBuilder: add() before startDocument()');
    if (field >= current.lengths.length) throw new Error(`IndexBuilder: field ${field} is not configured`);
    if (weight >= 1) current.lengths[field]!++;
    let counts = current.counts.get(term);
    if (counts === undefined) current.counts.set(term, (counts = new Array<number>(current.lengths.length).fill(0)));
    counts[field]! += weight;
  }

  endDocument(): void {
    const current = this.current;
    if (current === null) return;
    const doc = this.lengths.length;
    for (const [term, counts] of current.counts) {
      let entry = this.occurrences.get(term);
      if (entry === undefined) this.occurrences.set(term, (entry = { docs: [], counts: [] }));
      entry.docs.push(doc);
      for (const count of counts) entry.counts.push(count);
    }
    this.lengths.push(current.lengths);
    this.current = null;
  }

  build(): InvertedIndex {
    this.endDocument();
    const { k1, fields } = this.options;
    const fieldCount = fields.length;
    const docCount = this.lengths.length;
    const averages = fields.map((_, field) => {
      const total = this.lengths.reduce((sum, lengths) => sum + lengths[field]!, 0);
      return Math.max(1, total / Math.max(1, docCount));
    });
    // All postings in three flat arrays: a term's postings are one slice. Most terms occur in
    // one or two documents, and two typed arrays per term would cost more than their content.
    const termIds = new Map<string, number>();
    let total = 0;
    for (const { docs } of this.occurrences.values()) total += docs.length;
    const starts = new Uint32Array(this.occurrences.size + 1);
    const docs = new Uint32Array(total);
    const scores = new Float32Array(total);
    const idfs = new Float32Array(this.occurrences.size);
    let at = 0;
    for (const [term, { docs: docList, counts }] of this.occurrences) {
      const id = termIds.size;
      termIds.set(term, id);
      starts[id] = at;
      const df = docList.length;
      const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
      idfs[id] = idf;
      for (let posting = 0; posting < df; posting++, at++) {
        const doc = docList[posting]!;
        let tf = 0;
        for (let field = 0; field < fieldCount; field++) {
          const count = counts[posting * fieldCount + field]!;
          if (count === 0) continue;
          const { weight, b } = fields[field]!;
          tf += (weight * count) / (1 - b + (b * this.lengths[doc]![field]!) / averages[field]!);
        }
        docs[at] = doc;
        scores[at] = (idf * tf * (k1 + 1)) / (tf + k1);
      }
    }
    starts[termIds.size] = at;
    this.occurrences.clear();
    return new InvertedIndex(docCount, termIds, starts, docs, scores, idfs);
  }
}

export class InvertedIndex {
  constructor(
    readonly docCount: number,
    private readonly termIds: Map<string, number>,
    private readonly starts: Uint32Array,
    private readonly docs: Uint32Array,
    private readonly scores: Float32Array,
    private readonly idfs: Float32Array,
  ) {}

  postings(term: string): Postings | undefined {
    const id = this.termIds.get(term);
    if (id === undefined) return undefined;
    const from = this.starts[id]!;
    const to = this.starts[id + 1]!;
    return { docs: this.docs.subarray(from, to), scores: this.scores.subarray(from, to), idf: this.idfs[id]! };
  }

  /** Number of documents containing the term. */
  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.starts[id + 1]! - this.starts[id]!;
  }

  idf(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? Math.log(1 + (this.docCount + 0.5) / 0.5) : this.idfs[id]!;
  }

}
