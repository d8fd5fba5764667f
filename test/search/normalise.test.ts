import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/search/analyze.js';
import { foldDiacritics, normaliseText, scriptOf, splitWords } from '../../src/search/normalise.js';

const terms = (text: string, languages: string[]) => analyze(text, languages).map((token) => token.term);

describe('normaliseText', () => {
  it.each([
    ['Arabic harakat are dropped', 'مَدْرَسَة', 'مدرسه'],
    ['Arabic tatweel is dropped', 'مـــدرسة', 'مدرسه'],
    ['alef forms become bare alef', 'أإآٱ', 'اااا'],
    ['Persian and Arabic yeh and kaf meet', 'کتابی', 'كتابي'],
    ['alef maksura becomes yeh', 'مستشفى', 'مستشفي'],
    ['ta marbuta becomes heh', 'الإقامة', 'الاقامه'],
    ['Persian zero-width non-joiner is removed', 'می\u200cخواهم', 'ميخواهم'],
    ['Eastern Arabic digits become ASCII', '١١٢ و ۱۱۰', '112 و 110'],
    ['Ukrainian apostrophes inside words are removed', 'м’ясо мʼясо м\'ясо', 'мясо мясо мясо'],
    ['Ukrainian ґ is folded to г', 'Ґанок', 'ганок'],
    ['Russian ё becomes е', 'ёлка', 'елка'],
    ['German is lower-cased and keeps umlauts', 'FÜHRERSCHEIN', 'führerschein'],
    ['Turkish capital dotted I lower-cases to i', 'İZMİR', 'izmir'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseText(input, input === 'İZMİR' ? 'tr' : 'de')).toBe(expected);
  });

  it('uses Turkish rules for dotless I in Turkish text', () => {
    expect(normaliseText('ISPARTA', 'tr')).toBe('ısparta');
  });
});

describe('foldDiacritics', () => {
  it.each([
    ['führerschein', 'fuhrerschein'],
    ['straße', 'strasse'],
    ['değiştirilir', 'degistirilir'],
    ['ısparta', 'isparta'],
    ['école', 'ecole'],
    ['łódź', 'lodz'],
    ['مدرسه', 'مدرسه'],
    ['школа', 'школа'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
});

describe('scriptOf and splitWords', () => {
  it('tells scripts apart', () => {
    expect(['Haus', 'بيت', 'дім', 'σπίτι', '123'].map(scriptOf)).toEqual(['latin', 'arabic', 'cyrillic', 'greek', 'other']);
  });

  it('splits on punctuation and keeps digits', () => {
    expect(splitWords('SCHUFA-Auskunft, 116117! l\'école')).toEqual(['SCHUFA', 'Auskunft', '116117', 'l', 'école']);
  });
});

describe('analyze', () => {
  it('removes German question words and stems', () => {
    expect(terms('Wo kann ich einen Deutschkurs finden?', ['de'])).toEqual([...terms('Deutschkurs', ['de']), ...terms('finden', ['de'])]);
    expect(terms('Wo kann ich', ['de'])).toEqual([]);
  });

  it('makes typed and proper spellings meet', () => {
    expect(terms('Führerschein', ['de'])).toEqual(terms('fuhrerschein', ['de']));
    expect(terms('Straße', ['de'])).toEqual(terms('strasse', ['de']));
  });

  it('stems Arabic with and without the article and conjunction', () => {
    expect(terms('والمدرسة', ['ar'])).toEqual(terms('مدرسة', ['ar']));
    expect(terms('الإقامة', ['ar'])).toEqual(terms('اقامه', ['ar']));
  });

  it('stems Persian plural and verb prefixes', () => {
    expect(terms('کتاب‌ها', ['fa'])).toEqual(terms('كتاب', ['fa']));
  });

  it('treats German words inside an Arabic question as German', () => {
    const tokens = analyze('كيف احصل على Aufenthaltstitel؟', ['de', 'ar']);
    expect(tokens.map((token) => token.term)).toContain('aufenthaltstitel');
    expect(tokens.map((token) => token.term)).not.toContain('على');
  });

  it('stems Ukrainian and Turkish', () => {
    expect(terms('довідку', ['uk'])).toEqual(terms('довідка', ['uk']));
    expect(terms('kursları', ['tr'])).toEqual(terms('kurs', ['tr']));
  });

  it('reaches Turkish suffix chains and Turkish typed without its letters', () => {
    expect(terms('öğrenebilirim', ['tr'])).toEqual(terms('öğrenmek', ['tr']));
    expect(terms('ogrenebilirim', ['tr'])).toEqual(terms('öğrenebilirim', ['tr']));
    expect(terms('dövüyo', ['tr'])).toEqual(terms('dövmek', ['tr']));
    expect(terms('dövdü', ['tr'])).toEqual(terms('dövmek', ['tr']));
  });

  it('stems Polish, with or without its letters', () => {
    expect(terms('niemieckiego', ['pl'])).toEqual(terms('niemiecki', ['pl']));
    expect(terms('mieszkania', ['pl'])).toEqual(terms('mieszkanie', ['pl']));
    expect(terms('zasiłku', ['pl'])).toEqual(terms('zasilku', ['pl']));
  });
});
