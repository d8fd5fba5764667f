import type { Command } from 'commander';
import { telegramChannel } from '../../../adapters/telegram/index.js';
import { webchatRouter, webchatSender } from '../../../adapters/webchat/index.js';
import { whatsappChannel } from '../../../adapters/whatsapp/index.js';
import { botframeworkChannel } from '../../../adapters/botframework/index.js';
import type { Express } from 'express';
import { createBroadcasting } from '../../app/broadcast.js';
import { newItemAnnouncements } from '../../broadcast/auto.js';
import { createConversation } from '../../app/conversation.js';
import { announcementsApi } from '../../server/announcements-api.js';
import { StaffAccounts } from '../../console/accounts.js';
import { mountConsole } from '../../console/index.js';
import { sendersFromConfig } from './announce.js';
import { loadConfig } from '../../config/env.js';
import { IntegreatSync } from '../../content/integreat/sync.js';
import { HttpIntegreatSource } from '../../content/integreat/source.js';
import { loadRegistry } from '../registry.js';
import { BotTexts } from '../../core/i18n.js';
import { createLogger } from '../../log.js';
import { shippedGlossary } from '../../search/glossary.js';
import { createApp } from '../../server/app.js';
import { Metrics } from '../../server/metrics.js';
import { databasePath, openDatabase } from '../../store/database.js';
import { packageVersion } from '../version.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('serve Lotse: regions from DATA_DIR (the demo region when there is none), the configured messenger adapters, health, metrics and page views')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const registry = await loadRegistry(config, logger, { glossary: shippedGlossary(), demoWhenEmpty: config.INTEGREAT_REGIONS.length === 0 });
      for (const entry of registry.list()) {
        void entry.search; // index now, not at the first question
        logger.info({ region: entry.region.slug, languages: entry.region.languages.map((language) => language.code), pages: entry.region.pages.length }, 'region loaded');
      }

      const db = openDatabase(databasePath(config.DATA_DIR));
      const metrics = new Metrics();
      const texts = new BotTexts();
      const conversation = createConversation({ registry, db, logger, publicUrl: config.PUBLIC_URL, texts, onHandled: metrics.onHandled });
      const telegram = telegramChannel(config, { conversation, texts, logger });
      const senders = sendersFromConfig(config);
      senders.set('webchat', webchatSender(db));
      const whatsapp = whatsappChannel(config, { conversation, db, logger });
      if (whatsapp) senders.set('whatsapp', whatsapp.sender);
      const botframework = botframeworkChannel(config, { conversation, db, logger });
      if (botframework) senders.set('botframework', botframework.sender);
      const { announcements, engine } = createBroadcasting({ db, registry, texts, senders, logger });
      engine.start();
      if (!config.ADMIN_TOKEN) logger.info('announcements API off: ADMIN_TOKEN is not set');
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
          onUpdated: (previous, next) => {
            if (!config.AUTO_ANNOUNCE_REGIONS.includes(next.slug)) return;
            for (const input of newItemAnnouncements(previous, next)) {
              try {
                if (announcements.create(input) !== null) logger.info({ region: next.slug, topic: input.topic, source: input.source }, 'automatic announcement');
              } catch (error) {
                logger.warn({ region: next.slug, source: input.source, err: error instanceof Error ? error.message : String(error) }, 'automatic announcement skipped');
              }
            }
            engine.wake();
          },
        });
        logger.info({ regions: config.INTEGREAT_REGIONS, everyMs: config.SYNC_INTERVAL }, 'Integreat sync on');
        sync.start();
      }


      const accounts = new StaffAccounts(db);
      if (accounts.count() === 0) logger.info(`no staff account yet: open http://localhost:${config.PORT}/setup on this machine, or run "lotse user add --admin NAME"`);
      // Previews and the console's web chat run on a throwaway store: staff tests leave no chat state and no logs behind.
      const preview = createConversation({ registry, db: openDatabase(':memory:'), logger, publicUrl: config.PUBLIC_URL, texts });
      const consoleDeps = {
        accounts,
        registry,
        db,
        announcements,
        onAnnouncement: () => engine.wake(),
        preview,
        ...(sync ? { syncRegion: (slug: string) => sync!.syncRegion(slug) } : {}),
        logger,
      };

      const app = createApp({ registry, version: packageVersion(), startedAt: new Date() }, [
        (server) => mountConsole(server, consoleDeps),
        (server) => void server.use(webchatRouter({ conversation, registry, db, origins: config.WEBCHAT_ORIGINS })),
        ...(whatsapp ? [(server: Express) => void server.use(whatsapp.router)] : []),
        ...(botframework ? [(server: Express) => void server.use(botframework.router)] : []),
        (server) =>
          server.get('/metrics', async (_request, response) => {
            response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
          }),
        ...(telegram ? [telegram.mount] : []),
        ...(config.ADMIN_TOKEN ? [(server: Express) => void server.use(announcementsApi(announcements, config.ADMIN_TOKEN!, () => engine.wake()))] : []),
      ]);
      const server = app.listen(config.PORT, config.HOST, () => {
        logger.info({ port: config.PORT }, `Lotse is listening on http://localhost:${config.PORT}/`);
      });
      server.on('error', (error) => {
        logger.fatal({ err: error.message }, 'cannot listen');
        process.exit(1);
      });
      await telegram?.start().catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'Telegram adapter could not start');
      });

      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down: finishing the updates in flight');
        // Connections kept alive by clients must not hold the process forever.
        setTimeout(() => process.exit(0), 15_000).unref();
        await telegram?.stop();
        await engine.stop();
        await sync?.stop();
        await new Promise((resolve) => server.close(resolve));
        db.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop('SIGTERM'));
      process.once('SIGINT', () => void stop('SIGINT'));
    });
}
