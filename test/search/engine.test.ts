import { describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../../src/content/demo.js';
import { parseSnapshot } from '../../src/content/snapshot.js';
import { RegionSearch } from '../../src/search/engine.js';
import { glossaryFrom, shippedGlossary } from '../../src/search/glossary.js';

const demo = new RegionSearch(loadDemoRegion(new Date('2026-11-21T10:00:00Z')), shippedGlossary());
const firstId = (text: string, language: string) => demo.search({ text, language, kinds: ['page'] }).hits[0]?.item.id;

describe('RegionSearch on the demo region', () => {
  it('finds the page that answers a plain question, with answer sentences', () => {
    const result = demo.search({ text: 'Wo melde ich meine Wohnung an?', language: 'de' });
    expect(result.hits[0]!.item.id).toBe('registration@de');
    expect(result.hits[0]!.sentences.length).toBeGreaterThanOrEqual(1);
    expect(result.hits[0]!.sentences.length).toBeLessThanOrEqual(3);
    expect(result.confidence).toBeGreaterThan(0.4);
  });

  it('tolerates typos and missing umlauts', () => {
    expect(firstId('krankenkase wechseln', 'de')).toBe('health-insurance@de');
    expect(firstId('fuhrerschein umschreiben', 'de')).toBe(firstId('Führerschein umschreiben', 'de'));
  });

  it('answers in Arabic and Persian from the right-to-left pages', () => {
    expect(firstId('أين أسجل سكني؟', 'ar')).toBe('registration@ar');
    expect(demo.search({ text: 'بیمه درمانی', language: 'fa' }).hits[0]!.item.language).toBe('fa');
  });

  it('understands German words inside an Arabic question', () => {
    const hits = demo.search({ text: 'ما هو Aufenthaltstitel', language: 'ar', kinds: ['page'] }).hits.slice(0, 3).map((hit) => hit.item.id);
    expect(hits).toContain('residence-permit@ar');
  });

  it('answers a language the region has no pages in from a language its speakers read, marking the hits', () => {
    const russian = demo.search({ text: 'Kindergeld', language: 'ru' });
    expect(russian.hits[0]!.item.id).toBe('child-benefit@uk');
    expect(russian.hits[0]!.otherLanguage).toBe(true);
    expect(demo.search({ text: 'Kindergeld', language: 'pl' }).hits[0]!.item.id).toBe('child-benefit@en');
    expect(demo.search({ text: 'Kindergeld', language: 'ru', readable: ['ru', 'de'] }).hits[0]!.item.id).toBe('child-benefit@de');
  });

  it('says honestly when nothing fits', () => {
    const result = demo.search({ text: 'Wie backe ich eine Pizza mit Ananas?', language: 'de' });
    expect(result.verdict).toBe('none');
    expect(result.answered).toBe(false);
    expect(result.confidence).toBeLessThan(result.explanation.calibration!.suggestAt);
    const clear = demo.search({ text: 'Wo melde ich meine Wohnung an?', language: 'de' });
    expect(clear.verdict).toBe('answer');
    expect(clear.confidence).toBeGreaterThanOrEqual(clear.explanation.calibration!.answerAt);
  });

  it('finds German words written in Cyrillic, and everyday phrases that mean more than their words', () => {
    expect(firstId('кіндергельд скільки на дитину', 'uk')).toBe('child-benefit@uk');
    expect(['german-courses@fa', 'free-german-offers@fa']).toContain(firstId('کجا می‌توانم آلمانی یاد بگیرم؟', 'fa'));
  });

  it('lets question frames ("what should I do") never decide the topic', () => {
    expect(firstId('Що робити з листом від Jobcenter?', 'uk')).not.toBe('poison-control@uk');
    expect(firstId('ne yapmalıyım jobcenter mektup', 'tr')).not.toBe('poison-control@tr');
  });

  it('searches events and places too', () => {
    const kinds = new Set(demo.search({ text: 'Sprachcafé Stadtbibliothek', language: 'de' }).hits.map((hit) => hit.kind));
    expect(kinds.has('event') || kinds.has('poi')).toBe(true);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '   ', '???', '😀😀', 'a'.repeat(10_000), '<script>alert(1)</script>', '\u0000\u200c']) {
      expect(() => demo.search({ text, language: 'xx' })).not.toThrow();
    }
  });
});

describe('cross-language fallback', () => {
  const region = parseSnapshot(
    {
      region: { slug: 'fallback', name: 'Fallback' },
      languages: [
        { code: 'de', name: 'Deutsch', direction: 'ltr' },
        { code: 'en', name: 'English', direction: 'ltr' },
      ],
      pages: [
        { id: 'd1', language: 'de', title: 'Wohngeld', content_html: '<p>Wohngeld ist ein Zuschuss zur Miete. Den Antrag stellen Sie im Wohngeldamt.</p>', translations: { en: 'e1' } },
        { id: 'd2', language: 'de', title: 'Müll', content_html: '<p>Den Müll trennen Sie in Restmüll, Papier und Bio.</p>', translations: {} },
        { id: 'e1', language: 'en', title: 'Housing benefit', content_html: '<p>Housing benefit is a subsidy towards your rent.</p>', translations: { de: 'd1' } },
        { id: 'e2', language: 'en', title: 'Library', content_html: '<p>The library lends books.</p>', translations: {} },
      ],
    },
    { kind: 'snapshot', location: 'test', fetchedAt: null },
  ).region;
  const engine = new RegionSearch(region, glossaryFrom({ version: 1, concepts: [] }));

  it('returns the translation of a main-language hit when it exists', () => {
    const result = engine.search({ text: 'Wohngeldamt Antrag', language: 'en' });
    expect(result.hits[0]!.item.id).toBe('e1');
    expect(result.hits[0]!.otherLanguage).toBe(false);
    expect(result.explanation.fellBack).toBe(true);
  });

  it('returns the original, marked, when there is no translation', () => {
    const result = engine.search({ text: 'Restmüll', language: 'en' });
    expect(result.hits[0]!.item.id).toBe('d2');
    expect(result.hits[0]!.otherLanguage).toBe(true);
  });

  it('does not fall back when asked not to', () => {
    expect(engine.search({ text: 'Restmüll', language: 'en', noFallback: true }).hits).toEqual([]);
  });
});

describe('glossary', () => {
  it('meets everyday words with the words pages use, in any language', () => {
    const glossary = glossaryFrom({ version: 1, concepts: [{ id: 'credit-check', terms: { de: ['SCHUFA-Auskunft', 'Bonitätsauskunft'], en: ['credit check'], ar: ['فحص الائتمان'] } }] });
    expect(glossary.match('where do I get a credit check', 'de').map((match) => match.conceptId)).toEqual(['credit-check']);
    expect(glossary.match('أين أحصل على فحص الائتمان', 'de')[0]!.expansions.flat()).toContain('schufa');
  });

  it('ships hundreds of concepts in ten languages', () => {
    const glossary = shippedGlossary();
    expect(glossary.size).toBeGreaterThan(250);
  });
});
