import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadDemoRegion } from '../../content/demo.js';
import { RegionRegistry } from '../../content/registry.js';
import { BotTexts } from '../../core/i18n.js';
import { EVAL_NOW, evaluateDemo, formatDemoMarkdown, formatDemoReport, type Half } from '../../eval/demo.js';
import { readRecorded, recordFigures, RECORDED_FILE } from '../../eval/demo-recorded.js';
import { evaluate, qaAvailable, QA_LANGUAGES } from '../../eval/omos.js';
import { formatReport } from '../../eval/report.js';
import { GLOSSARY_FILES, glossaryFrom, shippedGlossary, type Glossary } from '../../search/glossary.js';
import type { SearchOptions } from '../../search/options.js';
import { resolvePackagePath } from '../../paths.js';

export const DEFAULT_SHARED_DATA = path.resolve('../shared/data');

interface EvalFlags {
  data: string;
  split: string;
  lang: string;
  glossary: boolean;
  baseline: boolean;
  options?: string;
  misses?: string;
  demo?: boolean;
  everyday: boolean;
  half: string;
  record?: boolean;
  markdown?: boolean;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('search quality: OMoS-QA (../shared/data/qa) beside an FTS5 baseline, or with --demo messenger-style questions on the demo region')
    .option('--data <dir>', 'folder with qa/ and content/', DEFAULT_SHARED_DATA)
    .option('--split <name>', 'train or dev', 'dev')
    .option('--lang <codes>', 'comma-separated languages', QA_LANGUAGES.join(','))
    .option('--no-glossary', 'search without the glossary (integration concepts and everyday words)')
    .option('--no-everyday', 'search without the everyday words of the glossary (integration concepts only)')
    .option('--no-baseline', 'skip the FTS5 baseline')
    .option('--options <json>', 'override search options (JSON), for tuning')
    .option('--misses <file>', 'write the questions whose gold page was not first (JSON lines)')
    .option('--demo', 'messenger-style questions in every bot language on the demo region (bench/queries/demo)')
    .option('--half <half>', 'with --demo: tune, report or all', 'report')
    .option('--markdown', 'with --demo: print the table as Markdown (for the README)')
    .option('--record', `with --demo: write the reporting half's figures to ${path.basename(RECORDED_FILE)} (the floor CI checks)`)
    .action(async (flags: EvalFlags) => {
      const options = flags.options ? (JSON.parse(flags.options) as Partial<SearchOptions>) : undefined;
      if (flags.demo) return evalDemo(flags, options);
      if (!qaAvailable(flags.data)) {
        console.log(`skipped: no OMoS-QA data at ${flags.data} (expects qa/ and content/ from ../shared/data)`);
        return;
      }
      const report = await evaluate({
        dataDir: flags.data,
        split: flags.split,
        languages: flags.lang.split(',').map((code) => code.trim()),
        glossary: glossaryFor(flags),
        baseline: flags.baseline,
        userQueries: resolvePackagePath('bench/queries/user-queries.jsonl'),
        options,
      });
      process.stdout.write(formatReport(report));
      if (flags.misses) await writeFile(flags.misses, report.misses.map((miss) => JSON.stringify(miss)).join('\n') + '\n');
    });
}

function glossaryFor(flags: EvalFlags): Glossary | null {
  if (!flags.glossary) return null;
  return flags.everyday ? shippedGlossary() : glossaryFrom(JSON.parse(readFileSync(resolvePackagePath(GLOSSARY_FILES[0]!), 'utf8')));
}

async function evalDemo(flags: EvalFlags, options: Partial<SearchOptions> | undefined): Promise<void> {
  const half = (flags.record ? 'report' : flags.half) as Half | 'all';
  if (!['tune', 'report', 'all'].includes(half)) throw new Error(`--half must be tune, report or all, not "${flags.half}"`);
  const now = EVAL_NOW;
  const registry = new RegionRegistry(glossaryFor(flags), options);
  const entry = registry.put(loadDemoRegion(now));
  const report = evaluateDemo({ entry, texts: new BotTexts(), now, half });
  process.stdout.write(flags.markdown ? formatDemoMarkdown(report) : formatDemoReport(report));
  const recorded = readRecorded();
  if (recorded !== null && half === 'report') process.stdout.write(`recorded (${RECORDED_FILE}): right ${Math.round(recorded.overall.right * 100)} %, wrong ${Math.round(recorded.overall.wrong * 100)} %\n`);
  if (flags.record) {
    await recordFigures(report);
    process.stdout.write(`recorded the reporting half in ${RECORDED_FILE}\n`);
  }
  if (flags.misses) {
    // Only the tuning half may guide changes; the reporting half stays unread.
    if (half !== 'tune') throw new Error('--misses works only with --half tune');
    const lines = report.outcomes.filter((entry) => entry.outcome !== 'right' && !(entry.query.gold.length === 0 && entry.outcome !== 'wrong'));
    await writeFile(flags.misses, lines.map(({ query, answer, outcome }) => JSON.stringify({ id: query.id, query: query.query, gold: query.gold, outcome, intent: answer.intent, shown: answer.shown, choices: answer.choices, confidence: answer.result?.confidence ?? null })).join('\n') + '\n');
  }
}
