import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../../src/content/demo.js';
import { RegionRegistry } from '../../src/content/registry.js';
import { createApp } from '../../src/server/app.js';
import { glossaryFrom } from '../../src/search/glossary.js';

const registry = new RegionRegistry(glossaryFrom({ version: 1, concepts: [] }));
let base = '';
let close: () => void = () => undefined;

beforeAll(async () => {
  registry.put(loadDemoRegion(new Date('2026-11-21T10:00:00Z')));
  const server = createApp({ registry, version: '1.2.3', startedAt: new Date() }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('GET /healthz', () => {
  it('answers 200 with the regions and languages loaded', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; version: string; regions: unknown[] };
    expect(body.status).toBe('ok');
    expect(body.version).toBe('1.2.3');
    expect(body.regions).toEqual([{ slug: 'musterstadt', languages: ['de', 'en', 'ar', 'fa', 'uk', 'tr'] }]);
  });

  it('answers 503 when no region is loaded', async () => {
    const empty = createApp({ registry: new RegionRegistry(null), version: '0', startedAt: new Date() }).listen(0, '127.0.0.1');
    await new Promise((resolve) => empty.once('listening', resolve));
    const response = await fetch(`http://127.0.0.1:${(empty.address() as AddressInfo).port}/healthz`);
    empty.close();
    expect(response.status).toBe(503);
  });
});

describe('GET /regions', () => {
  it('lists the regions with their languages, right-to-left marked', async () => {
    const response = await fetch(`${base}/regions`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('Musterstadt');
    expect(html).toContain('<span lang="ar" dir="rtl">العربية</span>');
    expect(html).not.toContain('x-powered-by');
  });
});
