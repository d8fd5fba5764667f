import type { Config } from '../config/env.js';
import { loadServedRegions } from '../content/data-dir.js';
import { RegionRegistry } from '../content/registry.js';
import type { Logger } from '../log.js';
import type { Glossary } from '../search/glossary.js';

/**
 * The regions a command works with: the snapshots in DATA_DIR, or the demo region when there is
 * none (unless `demoWhenEmpty` is false, as when Integreat regions are about to be imported).
 * `only` keeps a single region.
 */
export async function loadRegistry(config: Config, logger: Logger, options: { glossary: Glossary | null; demoWhenEmpty?: boolean; only?: string }): Promise<RegionRegistry> {
  const registry = new RegionRegistry(options.glossary);
  for (const { region, problems } of await loadServedRegions(config.DATA_DIR, logger, options.demoWhenEmpty ?? true)) {
    if (options.only === undefined || region.slug === options.only) registry.put(region, problems);
  }
  return registry;
}
