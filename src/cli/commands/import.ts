import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { snapshotPath } from '../../content/data-dir.js';
import { importRegion, type ImportProgress } from '../../content/integreat/import.js';
import { DirectoryIntegreatSource, HttpIntegreatSource } from '../../content/integreat/source.js';
import { writeSnapshot } from '../../content/snapshot.js';

interface ImportFlags {
  integreat?: string;
  fromDir?: string;
  region: string;
  lang?: string;
  dataDir?: string;
}

/** A progress bar on a terminal, one line per step otherwise (CI logs, pipes). */
function progressReporter(): { update: (progress: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    return { update: (p) => process.stderr.write(`[${p.done}/${p.total}] ${p.language} ${p.endpoint}: ${p.items} items\n`), stop: () => undefined };
  }
  const bar = new SingleBar({ format: ' {bar} {value}/{total} {language} {endpoint}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  let started = false;
  return {
    update: (p) => {
      if (!started) bar.start(p.total, 0, { language: '', endpoint: '' });
      started = true;
      bar.update(p.done, { language: p.language, endpoint: p.endpoint });
    },
    stop: () => started && bar.stop(),
  };
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description("import a region from the Integreat CMS API v3 (or saved responses) into DATA_DIR as a snapshot")
    .option('--integreat <url>', 'Integreat CMS base URL', 'https://cms.integreat-app.de')
    .option('--from-dir <dir>', 'read saved API responses from <dir>/<region>/<lang>/pages.json … instead of the network')
    .requiredOption('--region <slug>', 'Integreat region, e.g. augsburg')
    .option('--lang <codes>', 'only these languages, comma-separated (default: all)')
    .option('--data-dir <dir>', 'where to write the snapshot (default: DATA_DIR)')
    .action(async (flags: ImportFlags) => {
      const dataDir = flags.dataDir ?? loadConfig().DATA_DIR;
      const source = flags.fromDir ? new DirectoryIntegreatSource(flags.fromDir) : new HttpIntegreatSource(flags.integreat!);
      const progress = progressReporter();
      let result;
      try {
        result = await importRegion({
          source,
          region: flags.region,
          languages: flags.lang?.split(',').map((code) => code.trim()).filter(Boolean),
          onProgress: progress.update,
        });
      } finally {
        progress.stop();
      }
      const file = snapshotPath(dataDir, flags.region);
      await writeSnapshot(result.region, file);
      const { region, problems } = result;
      console.log(`${region.name} (${region.slug}): ${region.pages.length} pages, ${region.events.length} events, ${region.pois.length} places, ${region.news.length} news in ${region.languages.map((language) => language.code).join(', ')}`);
      console.log(`written to ${file}`);
      if (problems.length > 0) {
        console.log(`${problems.length} items skipped or corrected:`);
        for (const problem of problems.slice(0, 20)) console.log(`  ${problem.item}: ${problem.reason}`);
        if (problems.length > 20) console.log(`  … and ${problems.length - 20} more`);
      }
    });
}
