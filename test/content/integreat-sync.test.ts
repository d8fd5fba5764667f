import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotPath } from '../../src/content/data-dir.js';
import { IntegreatSync } from '../../src/content/integreat/sync.js';
import { DirectoryIntegreatSource, type IntegreatSource } from '../../src/content/integreat/source.js';
import { RegionRegistry } from '../../src/content/registry.js';
import { createLogger } from '../../src/log.js';

const fixtures = path.resolve('test/fixtures/integreat');
let dataDir = '';
let lines: string[] = [];
const logger = createLogger('info', { write: (line: string) => void lines.push(line) });

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lotse-sync-'));
  lines = [];
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function sync(source: IntegreatSource, registry: RegionRegistry) {
  return new IntegreatSync({ regions: ['testdorf'], languages: [], intervalMs: 60_000, dataDir, source, registry, logger });
}

describe('IntegreatSync', () => {
  it('imports, writes the snapshot and swaps the region in', async () => {
    const registry = new RegionRegistry(null);
    expect(await sync(new DirectoryIntegreatSource(fixtures), registry).syncAll()).toEqual({ testdorf: 'updated' });
    expect(registry.get('testdorf')!.region.pages.length).toBe(5);
    expect(JSON.parse(await readFile(snapshotPath(dataDir, 'testdorf'), 'utf8')).region.slug).toBe('testdorf');
  });

  it('keeps the last good content when an import fails', async () => {
    const registry = new RegionRegistry(null);
    const job = sync(new DirectoryIntegreatSource(fixtures), registry);
    await job.syncRegion('testdorf');
    const good = registry.get('testdorf');
    const broken = new DirectoryIntegreatSource(fixtures);
    broken.items = async () => {
      throw new Error('connection reset');
    };
    expect(await sync(broken, registry).syncRegion('testdorf')).toBe('failed');
    expect(registry.get('testdorf')).toBe(good);
    expect(lines.join('\n')).toContain('keeping the last good content');
  });

  it('rejects an import that lost most pages', async () => {
    const registry = new RegionRegistry(null);
    await sync(new DirectoryIntegreatSource(fixtures), registry).syncRegion('testdorf');
    const shrunk = new DirectoryIntegreatSource(fixtures);
    const original = shrunk.items.bind(shrunk);
    shrunk.items = async (region, language, endpoint) => ((await original(region, language, endpoint)) ?? []).slice(0, endpoint === 'pages' ? 1 : undefined);
    expect(await sync(shrunk, registry).syncRegion('testdorf')).toBe('rejected');
    expect(registry.get('testdorf')!.region.pages.length).toBe(5);
  });
});
