import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCompound } from '../../src/search/compounds.js';
import { editDistance, Vocabulary } from '../../src/search/vocabulary.js';

// Fixed seed: the same cases on every run, so CI is deterministic.
fc.configureGlobal({ seed: 20261121, numRuns: 300 });

/** Optimal string alignment distance, unbounded, as the reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const shortWord = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ä'), maxLength: 9 });

describe('editDistance', () => {
  it('agrees with the plain algorithm up to its bound', () => {
    fc.assert(
      fc.property(shortWord, shortWord, fc.integer({ min: 0, max: 3 }), (a, b, bound) => {
        expect(editDistance(a, b, bound)).toBe(Math.min(reference(a, b), bound + 1));
      }),
    );
  });
});

describe('Vocabulary.similar', () => {
  const vocabulary = new Vocabulary(['krankenkass', 'krankenhaus', 'kindergeld', 'kindergart', 'fuhrerschein', 'aufenthaltstitel', 'kurs']);

  it('finds the word one or two edits away', () => {
    expect(vocabulary.similar('krankenkas').map((match) => match.term)).toContain('krankenkass');
    expect(vocabulary.similar('kindergelt')[0]).toEqual({ term: 'kindergeld', distance: 1 });
    expect(vocabulary.similar('aufenthaltstiel')[0]!.term).toBe('aufenthaltstitel');
  });

  it('matches short words only exactly', () => {
    expect(vocabulary.similar('kurz')).toEqual([]);
  });

  it('finds the same words as a scan of the whole vocabulary', () => {
    const words = ['wohnung', 'wohngeld', 'wohnort', 'schule', 'schulden', 'arbeit', 'arbeitsamt', 'anmeldung', 'abmeldung'];
    const small = new Vocabulary(words);
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.nat(6), fc.constantFrom('x', 'e', ''), (base, at, insert) => {
        const typo = base.slice(0, at) + insert + base.slice(at + 1);
        const expected = words.filter((candidate) => candidate !== typo && reference(typo, candidate) <= (typo.length <= 4 ? 0 : typo.length <= 7 ? 1 : 2)).sort();
        expect(small.similar(typo, undefined, 100).map((match) => match.term).sort()).toEqual(expected);
      }),
    );
  });
});

describe('splitCompound', () => {
  const known = new Set(['integration', 'kurs', 'fuhrerschein', 'umschreibung', 'krank', 'versicherung', 'abend']);
  const toTerm = (part: string) => part.replace(/en$/, '').replace(/ü/g, 'u');
  const isTerm = (term: string) => known.has(term);

  it.each([
    ['integrationskurs', ['integration', 'kurs']],
    ['führerscheinumschreibung', ['fuhrerschein', 'umschreibung']],
    ['krankenversicherung', ['krank', 'versicherung']],
    ['abendkurs', ['abend', 'kurs']],
  ])('splits %s', (word, parts) => {
    expect(splitCompound(word, toTerm, isTerm)).toEqual(parts);
  });

  it('leaves words alone that are not made of known words', () => {
    expect(splitCompound('kindergarten', toTerm, isTerm)).toBeNull();
    expect(splitCompound('kurs', toTerm, isTerm)).toBeNull();
  });
});
