import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/content/snapshot.js';
import { RegionRegistry } from '../../src/content/registry.js';
import { createApp } from '../../src/server/app.js';

let base = '';
let close = () => undefined as void;

beforeAll(async () => {
  const region = parseSnapshot(
    {
      region: { slug: 'testdorf', name: 'Testdorf' },
      languages: [{ code: 'de', name: 'Deutsch', direction: 'ltr' }, { code: 'ar', name: 'العربية', direction: 'rtl' }],
      pages: [
        { id: 'p1', language: 'de', title: 'Wohnung <script>alert(1)</script>', content_html: '<h2>Suche</h2><p>Text mit <a href="https://example.org">Link</a>.</p><ul><li>eins</li></ul><script>evil()</script>', translations: { ar: 'p2' } },
        { id: 'p2', language: 'ar', title: 'السكن', content_html: '<p>نص 112.</p>', translations: { de: 'p1' } },
      ],
    },
    { kind: 'snapshot', location: 'test', fetchedAt: null },
  ).region;
  const registry = new RegionRegistry(null);
  registry.put(region);
  const server = createApp({ registry, version: '0', startedAt: new Date() }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => void server.close();
});
afterAll(() => close());

describe('page views', () => {
  it('shows a page as escaped text with its structure and links to its translations', async () => {
    const html = await (await fetch(`${base}/pages/testdorf/de/p1`)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('evil()');
    expect(html).toContain('<h2>Suche</h2>');
    expect(html).toContain('<li>eins</li>');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('href="/pages/testdorf/ar/p2"');
  });

  it('marks right-to-left pages', async () => {
    const html = await (await fetch(`${base}/pages/testdorf/ar/p2`)).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
  });

  it('answers 404 for unknown regions, ids or a wrong language', async () => {
    for (const path of ['/pages/nowhere/de/p1', '/pages/testdorf/de/nope', '/pages/testdorf/ar/p1']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
  });

  it('serves the privacy notice in German and English', async () => {
    expect(await (await fetch(`${base}/privacy?lang=de`)).text()).toContain('Datenschutzhinweis');
    expect(await (await fetch(`${base}/privacy?lang=xx`)).text()).toContain('Privacy notice');
  });
});
