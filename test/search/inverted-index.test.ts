import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexBuilder, type IndexOptions } from '../../src/search/inverted-index.js';

// Fixed seed: the same cases on every run, so CI is deterministic.
fc.configureGlobal({ seed: 20261121, numRuns: 300 });

const options: IndexOptions = { k1: 1.2, fields: [{ weight: 3, b: 0.5 }, { weight: 1, b: 0.75 }] };

/** BM25F written out plainly, as the reference. */
function referenceScore(docs: string[][][], doc: number, term: string): number {
  const fieldCount = options.fields.length;
  const averages = options.fields.map((_, field) => Math.max(1, docs.reduce((sum, fields) => sum + fields[field]!.length, 0) / docs.length));
  const df = docs.filter((fields) => fields.some((words) => words.includes(term))).length;
  if (!docs[doc]!.some((words) => words.includes(term))) return 0;
  const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
  let tf = 0;
  for (let field = 0; field < fieldCount; field++) {
    const words = docs[doc]![field]!;
    const count = words.filter((word) => word === term).length;
    const { weight, b } = options.fields[field]!;
    tf += (weight * count) / (1 - b + (b * words.length) / averages[field]!);
  }
  return (idf * tf * (options.k1 + 1)) / (tf + options.k1);
}

function build(docs: string[][][]) {
  const builder = new IndexBuilder(options);
  for (const fields of docs) {
    builder.startDocument();
    fields.forEach((words, field) => words.forEach((word) => builder.add(field, word)));
    builder.endDocument();
  }
  return builder.build();
}

const word = fc.constantFrom('kita', 'schule', 'arzt', 'wohnung', 'kurs', 'amt');
const documents = fc.array(fc.tuple(fc.array(word, { maxLength: 4 }), fc.array(word, { maxLength: 20 })), { minLength: 1, maxLength: 12 });

describe('InvertedIndex', () => {
  it('scores every posting exactly like plain BM25F', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const index = build(docs);
        for (const term of ['kita', 'schule', 'arzt', 'wohnung', 'kurs', 'amt']) {
          const postings = index.postings(term);
          const expected = docs.map((_, doc) => referenceScore(docs, doc, term));
          const actual = docs.map(() => 0);
          postings?.docs.forEach((doc, at) => (actual[doc] = postings.scores[at]!));
          actual.forEach((score, doc) => expect(score).toBeCloseTo(expected[doc]!, 4));
        }
      }),
    );
  });

  it('counts derived terms without making the field longer', () => {
    const builder = new IndexBuilder({ k1: 1.2, fields: [{ weight: 1, b: 1 }] });
    builder.startDocument();
    builder.add(0, 'integrationskurs');
    builder.add(0, 'kurs', 0.5);
    builder.startDocument();
    builder.add(0, 'kurs');
    const index = builder.build();
    expect(index.docCount).toBe(2);
    expect(index.df('kurs')).toBe(2);
    const kurs = index.postings('kurs')!;
    expect(kurs.scores[0]!).toBeLessThan(kurs.scores[1]!);
  });

  it('rejects adding before a document is started', () => {
    expect(() => new IndexBuilder(options).add(0, 'x')).toThrow(/startDocument/);
  });
});
