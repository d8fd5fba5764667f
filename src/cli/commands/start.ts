import type { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { loadServedRegions } from '../../content/data-dir.js';
import { RegionRegistry } from '../../content/registry.js';
import { IntegreatSync } from '../../content/integreat/sync.js';
import { HttpIntegreatSource } from '../../content/integreat/source.js';
import { createLogger } from '../../log.js';
import { shippedGlossary } from '../../search/glossary.js';
import { createApp } from '../../server/app.js';
import { packageVersion } from '../version.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('serve Lotse: every region in DATA_DIR (the demo region when there is none), health and overview pages')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const registry = new RegionRegistry(shippedGlossary());

      for (const { region, problems } of await loadServedRegions(config.DATA_DIR, logger, config.INTEGREAT_REGIONS.length === 0)) registry.put(region, problems);
      for (const { region } of registry.list()) {
        logger.info({ region: region.slug, languages: region.languages.map((language) => language.code), pages: region.pages.length }, 'region loaded');
      }

      let sync: IntegreatSync | undefined;
      if (config.INTEGREAT_REGIONS.length > 0) {
        sync = new IntegreatSync({
          regions: config.INTEGREAT_REGIONS,
          languages: config.INTEGREAT_LANGUAGES,
          intervalMs: config.SYNC_INTERVAL,
          dataDir: config.DATA_DIR,
          source: new HttpIntegreatSource(config.INTEGREAT_BASE_URL),
          registry,
          logger,
        });
        logger.info({ regions: config.INTEGREAT_REGIONS, everyMs: config.SYNC_INTERVAL }, 'Integreat sync on');
        sync.start();
      }

      const app = createApp({ registry, version: packageVersion(), startedAt: new Date() });
      const server = app.listen(config.PORT, config.HOST, () => {
        logger.info({ port: config.PORT }, `Lotse is listening on http://localhost:${config.PORT}/`);
      });
      server.on('error', (error) => {
        logger.fatal({ err: error.message }, 'cannot listen');
        process.exit(1);
      });

      const stop = (signal: string) => {
        logger.info({ signal }, 'shutting down');
        void sync?.stop();
        server.close(() => process.exit(0));
        // Connections kept alive by clients must not hold the process forever.
        setTimeout(() => process.exit(0), 10_000).unref();
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
}
