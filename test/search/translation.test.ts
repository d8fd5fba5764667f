import { describe, expect, it } from 'vitest';
import { learnTranslations } from '../../src/search/translation/learned.js';
import { cyrillicToGerman, siblingSpellings } from '../../src/search/transliterate.js';

describe('learnTranslations (IBM Model 1, both directions)', () => {
  // Each pair is a "sentence" and its translation; every word stands beside others, never alone.
  const segments: [string[], string[]][] = [
    [['haus', 'gross'], ['house', 'big']],
    [['haus', 'klein'], ['house', 'small']],
    [['auto', 'gross'], ['car', 'big']],
    [['auto', 'rot'], ['car', 'red']],
    [['haus', 'rot'], ['house', 'red']],
    [['klein', 'auto'], ['small', 'car']],
  ];
  const learned = learnTranslations(segments, { iterations: 8, minWeight: 0.2, perTerm: 2, maxSegmentTerms: 10 });

  it('learns which word translates which from co-occurrence alone', () => {
    expect(learned.of('haus')[0]?.term).toBe('house');
    expect(learned.of('auto')[0]?.term).toBe('car');
    expect(learned.of('gross')[0]?.term).toBe('big');
  });

  it('keeps only pairs both directions agree on, and nothing for unknown words', () => {
    for (const term of ['haus', 'auto', 'klein']) for (const translation of learned.of(term)) expect(translation.weight).toBeGreaterThanOrEqual(0.2);
    expect(learned.of('fahrrad')).toEqual([]);
  });
});

describe('respellings', () => {
  it('reads German words written in Cyrillic back into German spelling', () => {
    expect(cyrillicToGerman('кіндергельд')).toContain('kindergeld');
    expect(cyrillicToGerman('аусбільдунг')).toContain('ausbildung');
    expect(cyrillicToGerman('арбайтсамт')).toContain('arbeitsamt');
    expect(cyrillicToGerman('штоєр')).toContain('steuer');
    expect(cyrillicToGerman('Kindergeld')).toEqual([]);
  });

  it('spells Russian words the Ukrainian way', () => {
    expect(siblingSpellings('документы', 'ru', 'uk')).toContain('документи');
    expect(siblingSpellings('документы', 'ru', 'de')).toEqual([]);
  });
});
