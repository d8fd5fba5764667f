import type { Logger } from '../../log.js';
import { snapshotPath } from '../data-dir.js';
import type { Region } from '../model.js';
import type { RegionRegistry } from '../registry.js';
import { writeSnapshot } from '../snapshot.js';
import { importRegion } from './import.js';
import type { IntegreatSource } from './source.js';

/**
 * Keeps configured Integreat regions fresh: imports each region at start and every interval,
 * writes the snapshot and swaps the new index in — only after a good import. A failed or
 * suspicious import (far fewer pages than before) is logged and the last good content stays.
 */

export interface SyncOptions {
  regions: string[];
  languages: string[];
  intervalMs: number;
  dataDir: string;
  source: IntegreatSource;
  registry: RegionRegistry;
  logger: Logger;
  /** Told after a region was swapped in, with the content it replaced (for automatic announcements). */
  onUpdated?: (previous: Region | undefined, next: Region) => void;
}

export type SyncOutcome = 'updated' | 'failed' | 'rejected';

/** A new import with fewer than this share of the pages before is not trusted. */
const MIN_PAGE_SHARE = 0.5;

export class IntegreatSync {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: SyncOptions) {}

  /** Syncs now and then every interval; never throws, never keeps the process alive on its own. */
  start(): void {
    const run = () => {
      this.running ??= this.syncAll().finally(() => (this.running = undefined));
    };
    run();
    this.timer = setInterval(run, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async syncAll(): Promise<Record<string, SyncOutcome>> {
    const outcomes: Record<string, SyncOutcome> = {};
    for (const slug of this.options.regions) outcomes[slug] = await this.syncRegion(slug);
    return outcomes;
  }

  async syncRegion(slug: string): Promise<SyncOutcome> {
    const { source, registry, logger, dataDir, languages } = this.options;
    const started = Date.now();
    try {
      const { region, problems } = await importRegion({ source, region: slug, languages });
      const before = registry.get(slug)?.region.pages.length ?? 0;
      if (region.pages.length < before * MIN_PAGE_SHARE) {
        logger.warn({ region: slug, pages: region.pages.length, before }, 'Integreat sync rejected: far fewer pages than the content in use');
        return 'rejected';
      }
      await writeSnapshot(region, snapshotPath(dataDir, slug));
      const previous = registry.get(slug)?.region;
      registry.put(region, problems, { indexNow: true });
      this.options.onUpdated?.(previous, region);
      logger.info({ region: slug, pages: region.pages.length, events: region.events.length, pois: region.pois.length, skipped: problems.length, ms: Date.now() - started }, 'Integreat region synced');
      return 'updated';
    } catch (error) {
      logger.error({ region: slug, err: error instanceof Error ? error.message : String(error) }, 'Integreat sync failed; keeping the last good content');
      return 'failed';
    }
  }
}
