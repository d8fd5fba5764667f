import { describe, expect, it } from 'vitest';
import type { IndexedDocument, IndexedSentence } from '../../src/search/language-index.js';
import { readableRun } from '../../src/search/answer.js';
import { isLeadIn, onlyPointsElsewhere, pointsBack, repeatsTitle } from '../../src/search/readable.js';

/** A document of one paragraph per sentence, or list items where the kind says so. */
function documentOf(language: string, lines: [text: string, kind?: 'paragraph' | 'item'][], title = 'Titel'): IndexedDocument {
  const sentences: IndexedSentence[] = lines.map(([text], index) => ({ text, index, block: index, terms: text.toLowerCase().split(/\W+/u).filter(Boolean), isHeading: false }));
  return {
    kind: 'page',
    item: { id: 'p', language, title, html: '', text: { blocks: lines.map(([text, kind]) => ({ kind: kind ?? 'paragraph', text })), sentences: sentences.map(({ text, block }) => ({ text, block })), links: [] }, lastUpdated: null, url: null, translations: {} } as unknown as IndexedDocument['item'],
    titleTerms: title.toLowerCase().split(/\W+/u),
    sentences,
    hasText: true,
  };
}

describe('what reads as an answer', () => {
  it('knows sentences that point back, lead-ins, pointers and title repeats', () => {
    expect(pointsBack('Diese Bescheinigung bekommen Sie im Bürgerbüro.', 'de')).toBe(true);
    expect(pointsBack('Sie brauchen einen Pass.', 'de')).toBe(false);
    expect(pointsBack('And they must be signed.', 'en')).toBe(true);
    expect(pointsBack('There are two kinds:', 'en')).toBe(false);
    expect(pointsBack('وهذا مجاني.', 'ar')).toBe(true);
    expect(isLeadIn('There are two kinds:')).toBe(true);
    expect(onlyPointsElsewhere('Weitere Informationen finden Sie auf der Seite des Jobcenters.')).toBe(true);
    expect(onlyPointsElsewhere('Die Anmeldung ist kostenlos.')).toBe(false);
    expect(repeatsTitle(['kita'], ['kita', 'platz'])).toBe(true);
  });
});

describe('readableRun', () => {
  it('brings the sentence a first sentence points back to', () => {
    const document = documentOf('en', [['You need a registration certificate.'], ['It costs nothing.'], ['Bring your passport.'], ['Opening hours vary.']]);
    expect(readableRun(document.sentences, 1, 3, 1, document).map((sentence) => sentence.index)).toEqual([0, 1, 2]);
  });

  it('brings the first item of a list the answer announces, and drops a lead-in it cannot show', () => {
    const announced = documentOf('en', [['Intro.'], ['There are two kinds:'], ['Prepaid cards', 'item'], ['Contracts', 'item']]);
    expect(readableRun(announced.sentences, 0, 2, 1, announced).map((sentence) => sentence.text)).toEqual(['There are two kinds:', 'Prepaid cards']);
    const trailing = documentOf('en', [['The fee is 18 euros a month.'], ['You pay it for the flat.'], ['Exempt are:'], ['People on benefits', 'item']]);
    expect(readableRun(trailing.sentences, 0, 3, 0, trailing).map((sentence) => sentence.text)).toEqual(['The fee is 18 euros a month.', 'You pay it for the flat.']);
  });

  it('leaves out lines that only point elsewhere or repeat the title, never the answer itself', () => {
    const document = documentOf('de', [['Kita Platz'], ['Die Anmeldung ist ab dem ersten Geburtstag möglich.'], ['Weitere Informationen finden Sie hier.']], 'Kita Platz');
    expect(readableRun(document.sentences, 0, 3, 1, document).map((sentence) => sentence.index)).toEqual([1]);
  });
});
