import type { Command } from 'commander';
import { telegramSender } from '../../../adapters/telegram/sender.js';
import { createBroadcasting } from '../../app/broadcast.js';
import { AnnouncementError, type Progress } from '../../broadcast/announcements.js';
import type { ChannelSender } from '../../broadcast/channel.js';
import type { FallbackMode } from '../../broadcast/outbox.js';
import { loadConfig, type Config } from '../../config/env.js';
import { loadRegistry } from '../registry.js';
import { BotTexts } from '../../core/i18n.js';
import { createLogger } from '../../log.js';
import { databasePath, openDatabase } from '../../store/database.js';

/** `lotse announce` and `lotse announcements`: the same outbox the running server sends from. */

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function sendersFromConfig(config: Config): Map<string, ChannelSender> {
  const senders = new Map<string, ChannelSender>();
  if (config.TELEGRAM_BOT_TOKEN) senders.set('telegram', telegramSender({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT }));
  return senders;
}

async function open(withSenders: boolean) {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  // Announcing needs the regions' names and languages, not their search indexes.
  const registry = await loadRegistry(config, logger, { glossary: null });
  const db = openDatabase(databasePath(config.DATA_DIR));
  return { db, ...createBroadcasting({ db, registry, texts: new BotTexts(), senders: withSenders ? sendersFromConfig(config) : new Map(), logger }) };
}

export function formatProgress(progress: Progress): string {
  const { announcement: a, counts } = progress;
  const eta = progress.etaSeconds === null ? '—' : `${progress.etaSeconds}s`;
  const languages = Object.keys(a.texts).join(',');
  return `#${a.id} ${a.state.padEnd(9)} ${a.region}/${a.topic} [${languages}] ${(progress.done * 100).toFixed(0).padStart(3)} %  sent ${counts.sent}  failed ${counts.failed}  skipped ${counts.skipped}  pending ${counts.pending + counts.sending}  ${progress.rate.toFixed(1)}/s  ETA ${eta}  at ${a.scheduledAt}`;
}

export function registerAnnounce(program: Command): void {
  program
    .command('announce')
    .description('announce an update to the subscribers of a region and topic (sent by the running `lotse start`, or with --send)')
    .requiredOption('--region <slug>', 'region')
    .requiredOption('--topic <topic>', 'news, events, courses or emergencies')
    .option('--text <lang=text>', 'text in a language, e.g. de="Das Bürgerbüro ist geschlossen." (repeatable)', collect, [])
    .option('--link <url>', 'a link shown under the text')
    .option('--at <iso>', 'send at this time (ISO 8601); default now')
    .option('--fallback <mode>', 'main: subscribers without their language get the main language; none: they get nothing', 'main')
    .option('--author <name>', 'who announces', process.env.USER ?? 'cli')
    .option('--send', 'send now from this process and wait until done (when no server is running)')
    .action(async (flags: { region: string; topic: string; text: string[]; link?: string; at?: string; fallback: string; author: string; send?: boolean }) => {
      const texts: Record<string, string> = {};
      for (const entry of flags.text) {
        const at = entry.indexOf('=');
        if (at < 1) {
          console.error(`--text needs lang=text, got "${entry}"`);
          process.exitCode = 2;
          return;
        }
        texts[entry.slice(0, at).trim()] = entry.slice(at + 1);
      }
      if (flags.fallback !== 'main' && flags.fallback !== 'none') {
        console.error('--fallback is main or none');
        process.exitCode = 2;
        return;
      }
      const { db, announcements, engine } = await open(flags.send === true);
      try {
        const input = { region: flags.region, topic: flags.topic, texts, link: flags.link ?? null, author: flags.author, fallback: flags.fallback as FallbackMode, ...(flags.at ? { scheduledAt: flags.at } : {}) };
        const preview = announcements.preview({ ...input, fallback: input.fallback });
        console.log(`audience: ${preview.total} subscribers`);
        for (const row of preview.languages) console.log(`  ${row.language}: ${row.subscribers} (${row.gets === 'own' ? 'own language' : row.gets === 'fallback' ? 'main language' : 'nothing — no text'})`);
        const id = announcements.create(input);
        console.log(`announcement #${id} ${flags.at ? `scheduled for ${flags.at}` : 'queued'}`);
        if (flags.send && id !== null) {
          engine.start();
          while (!['done', 'cancelled'].includes(announcements.progress(id)!.announcement.state)) {
            await new Promise((resolve) => setTimeout(resolve, 1000));
            console.log(formatProgress(announcements.progress(id)!));
          }
          await engine.stop();
        }
      } catch (error) {
        if (!(error instanceof AnnouncementError)) throw error;
        console.error(error.message);
        process.exitCode = 2;
      } finally {
        db.close();
      }
    });

  program
    .command('announcements')
    .description('list announcements with their progress')
    .option('--cancel <id>', 'cancel an announcement: pending deliveries are skipped')
    .option('--limit <n>', 'how many', '20')
    .action(async (flags: { cancel?: string; limit: string }) => {
      const { db, announcements } = await open(false);
      if (flags.cancel) console.log(announcements.cancel(Number(flags.cancel)) ? `#${flags.cancel} cancelled` : `#${flags.cancel} is not scheduled or running`);
      const list = announcements.list(Number(flags.limit) || 20);
      if (list.length === 0) console.log('no announcements');
      for (const progress of list) console.log(formatProgress(progress));
      db.close();
    });
}
