import { describe, expect, it } from 'vitest';
import { newItemAnnouncements } from '../../src/broadcast/auto.js';
import { parseSnapshot } from '../../src/content/snapshot.js';

const snapshot = (news: object[], events: object[] = []) =>
  parseSnapshot(
    { region: { slug: 'testdorf', name: 'Testdorf' }, languages: [{ code: 'de', name: 'Deutsch', direction: 'ltr' }, { code: 'en', name: 'English', direction: 'ltr' }], news, events },
    { kind: 'integreat', location: 'test', fetchedAt: null },
  ).region;

const news = (id: string, language: string, title: string, translations: Record<string, string> = {}) => ({ id, language, title, content_html: `<p>${title} – Details.</p>`, translations });

describe('automatic announcements', () => {
  it('announce nothing on the first import', () => {
    expect(newItemAnnouncements(undefined, snapshot([news('1', 'de', 'Alt')]))).toEqual([]);
  });

  it('announce new news once per item with all its translations', () => {
    const before = snapshot([news('1', 'de', 'Alt')]);
    const after = snapshot([news('1', 'de', 'Alt'), news('2', 'de', 'Neu: Bürgerbüro zu', { en: '3' }), news('3', 'en', 'New: office closed', { de: '2' })]);
    const inputs = newItemAnnouncements(before, after);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ region: 'testdorf', topic: 'news', source: 'news:testdorf:2', fallback: 'main' });
    expect(Object.keys(inputs[0]!.texts).sort()).toEqual(['de', 'en']);
    expect(inputs[0]!.texts.en).toContain('New: office closed');
  });

  it('announce new events with their date', () => {
    const event = { id: 'e1', language: 'en', title: 'Job fair', content_html: '<p>Many employers.</p>', start: '2026-12-03T10:00:00+01:00', end: '2026-12-03T16:00:00+01:00', translations: {} };
    const inputs = newItemAnnouncements(snapshot([]), snapshot([], [event]));
    expect(inputs[0]).toMatchObject({ topic: 'events', source: 'event:testdorf:e1', fallback: 'none' });
    expect(inputs[0]!.texts.en).toMatch(/Job fair[\s\S]*2026/);
  });
});
