import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRegion } from '../../src/content/integreat/import.js';
import { DirectoryIntegreatSource, HttpIntegreatSource } from '../../src/content/integreat/source.js';
import { ContentError } from '../../src/content/problems.js';

const fixtures = path.resolve('test/fixtures/integreat');
const shared = path.resolve('../shared/data/integreat-api');
const fixedNow = () => new Date('2026-01-01T12:00:00Z');

describe('importRegion from saved API responses', () => {
  it('converts pages, places and events and links translations', async () => {
    const { region } = await importRegion({ source: new DirectoryIntegreatSource(fixtures), region: 'testdorf', now: fixedNow });
    expect(region.name).toBe('Testdorf');
    expect(region.languages).toEqual([
      { code: 'de', nativeName: 'Deutsch', dir: 'ltr' },
      { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
    ]);
    expect(region.source).toEqual({ kind: 'integreat', location: fixtures, fetchedAt: '2026-01-01T12:00:00.000Z' });
    const registration = region.pages.find((page) => page.id === '11')!;
    expect(registration.parent).toBe('10');
    expect(registration.translations).toEqual({ ar: '21' });
    expect(registration.text.sentences.map((sentence) => sentence.text)).toEqual(['Melden Sie sich innerhalb von zwei Wochen im Bürgerbüro an.', 'Bringen Sie Ihren Pass mit.']);
    expect(registration.url).toBe('https://integreat.app/testdorf/de/ankommen/anmeldung/');

    const townHall = region.pois.find((poi) => poi.id === '30')!;
    expect(townHall.coordinates).toEqual({ lat: 50.1, lon: 8.6 });
    expect(townHall.category).toEqual({ id: '4', icon: 'authority', names: { de: 'Behörde' } });
    expect(townHall.openingHours?.[3]).toEqual({ allDay: false, closed: false, appointmentOnly: true, timeSlots: [{ start: '08:00', end: '12:00' }] });
    expect(townHall.contacts.map((contact) => contact.phone)).toEqual(['+49 1234 567-0', '+49 1234 567-1']);
    expect(region.pois.find((poi) => poi.id === '31')!.coordinates).toBeNull();

    const cafe = region.events.find((event) => event.id === '40')!;
    expect(cafe.recurrence).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(cafe.locationPoiId).toBe('30');
  });

  it('reports malformed items and broken lists, and keeps the rest', async () => {
    const { region, problems } = await importRegion({ source: new DirectoryIntegreatSource(fixtures), region: 'testdorf', now: fixedNow });
    expect(region.pages.map((page) => page.id).sort()).toEqual(['10', '11', '13', '20', '21']);
    const items = problems.map((problem) => problem.item);
    expect(items).toContain('page (de) 12');
    expect(items).toContain('event 41 (de)');
    expect(items).toContain('news (de)');
    expect(problems.find((problem) => problem.item === 'page 13 (de)')?.reason).toContain('parent 999 not found');
  });

  it('imports only the languages asked for', async () => {
    const { region, problems } = await importRegion({ source: new DirectoryIntegreatSource(fixtures), region: 'testdorf', languages: ['ar', 'fa'], now: fixedNow });
    expect(region.languages.map((language) => language.code)).toEqual(['ar']);
    expect(region.pages.every((page) => page.language === 'ar')).toBe(true);
    expect(problems).toContainEqual({ item: 'language fa', reason: 'the region does not offer this language' });
  });

  it('fails when there is nothing to import', async () => {
    await expect(importRegion({ source: new DirectoryIntegreatSource(fixtures), region: 'testdorf', languages: ['fa'] })).rejects.toThrow(ContentError);
    await expect(importRegion({ source: new DirectoryIntegreatSource(fixtures), region: 'nowhere' })).rejects.toThrow();
  });
});

describe('importRegion over HTTP', () => {
  function fakeApi(routes: Record<string, unknown>, calls: string[]) {
    return (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      calls.push(`${url} dev=${new Headers(init?.headers).get('x-integreat-development')}`);
      const route = Object.keys(routes).find((suffix) => url.endsWith(suffix));
      if (route === undefined) return new Response('not found', { status: 404 });
      const body = routes[route];
      if (body instanceof Response) return body;
      return Response.json(body);
    }) as typeof fetch;
  }

  it('asks the CMS API v3 endpoints with the development header', async () => {
    const calls: string[] = [];
    const source = new HttpIntegreatSource('https://cms.example/', {
      fetch: fakeApi(
        {
          '/api/v3/regions/': [{ name: 'Testdorf', path: '/testdorf/' }],
          '/api/v3/testdorf/languages/': [{ code: 'de', native_name: 'Deutsch', dir: 'LEFT_TO_RIGHT' }],
          '/api/v3/testdorf/de/pages/': [{ id: 1, title: 'Start', content: '<p>Hallo.</p>', parent: { id: 0 }, available_languages: {} }],
        },
        calls,
      ),
      sleep: async () => undefined,
    });
    const { region } = await importRegion({ source, region: 'testdorf' });
    expect(region.pages.map((page) => page.title)).toEqual(['Start']);
    expect(calls).toEqual([
      'https://cms.example/api/v3/testdorf/languages/ dev=true',
      'https://cms.example/api/v3/regions/ dev=true',
      'https://cms.example/api/v3/testdorf/de/pages/ dev=true',
      'https://cms.example/api/v3/testdorf/de/events/?combine_recurring=True dev=true',
      'https://cms.example/api/v3/testdorf/de/locations/?on_map=1 dev=true',
      'https://cms.example/api/v3/testdorf/de/news/?source=local dev=true',
    ]);
  });

  it('retries server errors and gives up with a clear error', async () => {
    const calls: string[] = [];
    const source = new HttpIntegreatSource('https://cms.example', {
      fetch: fakeApi({ '/languages/': new Response('down', { status: 503 }) }, calls),
      retries: 2,
      sleep: async () => undefined,
    });
    await expect(importRegion({ source, region: 'testdorf' })).rejects.toThrow('answered 503');
    expect(calls).toHaveLength(3);
  });
});

describe.skipIf(!existsSync(shared))('importRegion on real Integreat API responses (../shared)', () => {
  it('imports lkaugsburg de and en with their page tree and translations', async () => {
    const { region, problems } = await importRegion({ source: new DirectoryIntegreatSource(shared), region: 'lkaugsburg' });
    const german = region.pages.filter((page) => page.language === 'de');
    expect(german).toHaveLength(238);
    expect(region.pages.filter((page) => page.language === 'en')).toHaveLength(233);
    expect(german.filter((page) => page.parent !== null).length).toBeGreaterThan(200);
    expect(german.filter((page) => page.translations.en !== undefined).length).toBeGreaterThan(200);
    expect(problems.filter((problem) => problem.item.startsWith('page'))).toEqual([]);
  });
});

if (!existsSync(shared)) console.warn(`skipping real Integreat API tests: ${shared} not found`);
