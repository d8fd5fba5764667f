import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSnapshot, readSnapshot, toSnapshotJson, writeSnapshot } from '../../src/content/snapshot.js';
import { ContentError } from '../../src/content/problems.js';

const source = { kind: 'snapshot' as const, location: 'test', fetchedAt: null };

function snapshot(overrides: Record<string, unknown> = {}) {
  return {
    region: { slug: 'testdorf', name: 'Testdorf' },
    languages: [
      { code: 'de', name: 'Deutsch', direction: 'ltr' },
      { code: 'ar', name: 'العربية', direction: 'RIGHT_TO_LEFT' },
    ],
    pages: [
      { id: '1', language: 'de', title: 'Ankommen', path: '/testdorf/de/ankommen/', parent: null, order: 1, content_html: '', translations: { ar: '2' } },
      { id: '2', language: 'ar', title: 'الوصول', parent: null, content_html: '<p>مرحبا.</p>', translations: { de: '1' } },
      { id: 3, language: 'de', title: 'Anmeldung', parent: '1', content_html: '<p>Melden Sie sich an.</p>', translations: {} },
    ],
    events: [
      { id: 'e1', language: 'de', title: 'Sprachcafé', content_html: '<p>Jeden Dienstag.</p>', start: '2026-01-06T15:00:00+01:00', end: '2026-01-06T17:00:00+01:00', location_poi_id: 'p1', recurrence_rule: { frequency: 'WEEKLY', interval: 1, weekdays_for_weekly: '["1"]', recurrence_end_date: null }, translations: {} },
    ],
    pois: [
      { id: 'p1', language: 'de', title: 'Rathaus', content_html: '', address: { street: 'Markt 1', postcode: '12345', city: 'Testdorf', country: 'DE' }, coordinates: { lat: 50.1, lon: 8.6 }, category: { id: 1, icon: 'authority', name: { de: 'Behörde' } }, phone_number: '+49 1234 567-0', opening_hours: null, translations: {} },
    ],
    ...overrides,
  };
}

describe('parseSnapshot', () => {
  it('reads regions, languages and all kinds of items', () => {
    const { region, problems } = parseSnapshot(snapshot(), source);
    expect(problems).toEqual([]);
    expect(region.languages.map((language) => [language.code, language.dir])).toEqual([['de', 'ltr'], ['ar', 'rtl']]);
    expect(region.defaultLanguage).toBe('de');
    expect(region.pages.map((page) => page.id)).toEqual(['1', '2', '3']);
    expect(region.pages[2]!.parent).toBe('1');
    expect(region.pages[0]!.translations).toEqual({ ar: '2' });
    expect(region.events[0]!.recurrence).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(region.pois[0]!.contacts[0]!.phone).toBe('+49 1234 567-0');
    expect(region.pois[0]!.category).toEqual({ id: '1', icon: 'authority', names: { de: 'Behörde' } });
  });

  it('reports and skips malformed items, keeping the rest', () => {
    const input = snapshot();
    (input.pages as unknown[]).push(
      { id: '4', language: 'de', title: '', content_html: '<p>x</p>' },
      { id: '5', language: 'xx', title: 'Unbekannt', content_html: '' },
      { id: '1', language: 'de', title: 'Doppelt', content_html: '' },
      'not an object',
    );
    (input.events as unknown[]).push({ id: 'e2', language: 'de', title: 'Kaputt', start: 'gestern', end: 'morgen' });
    const { region, problems } = parseSnapshot(input, source);
    expect(region.pages.map((page) => page.id)).toEqual(['1', '2', '3']);
    expect(problems.map((problem) => problem.item)).toEqual(['page 4 (de)', 'page 5 (xx)', 'page 1 (de)', 'page #6', 'event e2 (de)']);
    expect(problems[0]!.reason).toContain('empty title');
    expect(problems[1]!.reason).toContain('not one of the region');
    expect(problems[2]!.reason).toBe('duplicate id');
  });

  it('drops dangling parents and translations', () => {
    const input = snapshot();
    (input.pages as Record<string, unknown>[])[2]!.parent = '99';
    (input.pages as Record<string, unknown>[])[0]!.translations = { ar: '3', en: '77' };
    const { region, problems } = parseSnapshot(input, source);
    expect(region.pages[2]!.parent).toBeNull();
    expect(region.pages[0]!.translations).toEqual({});
    const reasons = problems.map((problem) => problem.reason);
    expect(reasons).toContain('parent 99 not found; shown as a top-level page');
    expect(reasons).toContain('translation "ar" points to 3, which is in de');
  });

  it('rejects files that are not a region at all', () => {
    expect(() => parseSnapshot({ pages: [] }, source)).toThrow(ContentError);
    expect(() => parseSnapshot(snapshot({ languages: [{ code: '??' }] }), source)).toThrow(/no valid language/);
  });
});

describe('writeSnapshot', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a region and leaves no temp file behind', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lotse-snapshot-'));
    const { region } = parseSnapshot(snapshot(), source);
    const file = path.join(dir, 'regions', 'testdorf.json');
    await writeSnapshot(region, file);
    expect(await readdir(path.dirname(file))).toEqual(['testdorf.json']);
    const reread = await readSnapshot(file);
    expect(reread.problems).toEqual([]);
    const { region: _readFrom, ...content } = toSnapshotJson(reread.region) as Record<string, unknown>;
    const { region: _original, ...expected } = toSnapshotJson(region) as Record<string, unknown>;
    expect(content).toEqual(expected);
    expect(reread.region.name).toBe('Testdorf');
  });

  it('keeps the last good file when writing fails', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lotse-snapshot-'));
    const { region } = parseSnapshot(snapshot(), source);
    const file = path.join(dir, 'testdorf.json');
    await writeSnapshot(region, file);
    const before = await readFile(file, 'utf8');
    const broken = { ...region, pages: [{ ...region.pages[0]!, title: 1n as unknown as string }] }; // BigInt cannot be serialised
    await expect(writeSnapshot(broken, file)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['testdorf.json']);
  });
});
