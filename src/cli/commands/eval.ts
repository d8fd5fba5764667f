import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { evaluate, qaAvailable, QA_LANGUAGES } from '../../eval/omos.js';
import { formatReport } from '../../eval/report.js';
import { shippedGlossary } from '../../search/glossary.js';
import type { SearchOptions } from '../../search/options.js';
import { resolvePackagePath } from '../../paths.js';

export const DEFAULT_SHARED_DATA = path.resolve('../shared/data');

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('search quality on OMoS-QA (../shared/data/qa): recall@k, MRR, answer sentences, beside an FTS5 baseline')
    .option('--data <dir>', 'folder with qa/ and content/', DEFAULT_SHARED_DATA)
    .option('--split <name>', 'train or dev', 'dev')
    .option('--lang <codes>', 'comma-separated languages', QA_LANGUAGES.join(','))
    .option('--no-glossary', 'search without the integration glossary')
    .option('--no-baseline', 'skip the FTS5 baseline')
    .option('--options <json>', 'override search options (JSON), for tuning')
    .option('--misses <file>', 'write the questions whose gold page was not first (JSON lines)')
    .action(async (flags: { data: string; split: string; lang: string; glossary: boolean; baseline: boolean; options?: string; misses?: string }) => {
      if (!qaAvailable(flags.data)) {
        console.log(`skipped: no OMoS-QA data at ${flags.data} (expects qa/ and content/ from ../shared/data)`);
        return;
      }
      const report = await evaluate({
        dataDir: flags.data,
        split: flags.split,
        languages: flags.lang.split(',').map((code) => code.trim()),
        glossary: flags.glossary ? shippedGlossary() : null,
        baseline: flags.baseline,
        userQueries: resolvePackagePath('bench/queries/user-queries.jsonl'),
        options: flags.options ? (JSON.parse(flags.options) as Partial<SearchOptions>) : undefined,
      });
      process.stdout.write(formatReport(report));
      if (flags.misses) await writeFile(flags.misses, report.misses.map((miss) => JSON.stringify(miss)).join('\n') + '\n');
    });
}
