import { describe, expect, it } from 'vitest';
import { loadDemoRegion, readDemoFiles } from '../../src/content/demo.js';

const today = new Date('2026-11-21T10:00:00Z');
const region = loadDemoRegion(today);
const languages = region.languages.map((language) => language.code);

describe('demo region musterstadt', () => {
  it('is written in six languages, two of them right-to-left', () => {
    expect(languages).toEqual(['de', 'en', 'ar', 'fa', 'uk', 'tr']);
    expect(region.languages.filter((language) => language.dir === 'rtl').map((language) => language.code)).toEqual(['ar', 'fa']);
    expect(region.defaultLanguage).toBe('de');
  });

  it('has at least 40 pages in a tree, 10 events (some recurring) and 15 places per language', () => {
    for (const language of languages) {
      const pages = region.pages.filter((page) => page.language === language);
      expect(pages.length).toBeGreaterThanOrEqual(40);
      expect(pages.filter((page) => page.parent === null).length).toBeLessThan(pages.length / 3);
      const events = region.events.filter((event) => event.language === language);
      expect(events.length).toBeGreaterThanOrEqual(10);
      expect(events.filter((event) => event.recurrence !== null).length).toBeGreaterThanOrEqual(3);
      const places = region.pois.filter((poi) => poi.language === language);
      expect(places.length).toBeGreaterThanOrEqual(15);
      for (const place of places) {
        expect(place.coordinates, place.id).not.toBeNull();
        expect(place.category, place.id).not.toBeNull();
        expect(place.openingHours, place.id).toHaveLength(7);
      }
    }
  });

  it('links every item to its translation in every other language, with no dangling ids', () => {
    const ids = new Map([...region.pages, ...region.events, ...region.pois].map((item) => [item.id, item.language]));
    for (const item of [...region.pages, ...region.events, ...region.pois]) {
      expect(Object.keys(item.translations).sort(), item.id).toEqual(languages.filter((code) => code !== item.language).sort());
      for (const [language, id] of Object.entries(item.translations)) expect(ids.get(id), `${item.id} → ${id}`).toBe(language);
    }
    for (const page of region.pages) if (page.parent !== null) expect(ids.get(page.parent), page.id).toBe(page.language);
    for (const event of region.events) if (event.locationPoiId !== null) expect(ids.get(event.locationPoiId), event.id).toBe(event.language);
  });

  it('has text on every page that is not a pure category page', () => {
    const parents = new Set(region.pages.map((page) => page.parent));
    for (const page of region.pages) {
      if (!parents.has(page.id)) expect(page.text.sentences.length, page.id).toBeGreaterThan(3);
    }
  });

  it('keeps the same HTML structure in every translation', () => {
    const { texts } = readDemoFiles();
    const shape = (html: string) => (html.match(/<(p|li|h2|h3|table|a)\b/g) ?? []).join(',');
    for (const [key, german] of Object.entries(texts.de!.pages)) {
      for (const language of languages) expect(shape(texts[language]!.pages[key]!.html), `${key} (${language})`).toBe(shape(german.html));
    }
  });

  it('dates one-off events from today and starts recurring ones on a day their rule allows', () => {
    const upcoming = region.events.filter((event) => event.recurrence === null && Date.parse(event.start) > today.getTime());
    expect(upcoming.length).toBeGreaterThan(0);
    const weekly = region.events.find((event) => event.recurrence === 'FREQ=WEEKLY;BYDAY=WE');
    if (weekly) expect(new Date(weekly.start).getUTCDay()).toBe(3);
  });
});
