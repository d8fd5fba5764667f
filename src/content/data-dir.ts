import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.js';
import type { Region } from './model.js';
import type { ContentProblem } from './problems.js';
import { loadDemoRegion } from './demo.js';
import { readSnapshot } from './snapshot.js';

/** Where region snapshots live inside `DATA_DIR`. */
export function regionsDir(dataDir: string): string {
  return path.join(dataDir, 'regions');
}

export function snapshotPath(dataDir: string, slug: string): string {
  return path.join(regionsDir(dataDir), `${slug}.json`);
}

/** Reads every `DATA_DIR/regions/*.json`; an unreadable file is logged and skipped. */
export async function readRegionSnapshots(dataDir: string, logger: Logger): Promise<{ region: Region; problems: ContentProblem[] }[]> {
  let files: string[];
  try {
    files = (await readdir(regionsDir(dataDir))).filter((file) => file.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const loaded: { region: Region; problems: ContentProblem[] }[] = [];
  for (const file of files) {
    try {
      const result = await readSnapshot(path.join(regionsDir(dataDir), file));
      if (result.problems.length > 0) logger.warn({ region: result.region.slug, problems: result.problems.length }, 'region loaded with skipped items');
      loaded.push(result);
    } catch (error) {
      logger.error({ file, err: error instanceof Error ? error.message : String(error) }, 'region snapshot skipped');
    }
  }
  return loaded;
}

/**
 * The regions Lotse serves: every snapshot in `DATA_DIR/regions`, or the embedded demo region
 * when there is none (and none is about to be imported), so a fresh install answers at once.
 */
export async function loadServedRegions(dataDir: string, logger: Logger, demoWhenEmpty = true): Promise<{ region: Region; problems: ContentProblem[] }[]> {
  const snapshots = await readRegionSnapshots(dataDir, logger);
  if (snapshots.length > 0 || !demoWhenEmpty) return snapshots;
  logger.info({ dataDir }, 'no region snapshots in DATA_DIR; serving the demo region musterstadt');
  return [{ region: loadDemoRegion(), problems: [] }];
}
