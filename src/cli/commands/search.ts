import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { readSnapshot } from '../../content/snapshot.js';
import { RegionSearch } from '../../search/engine.js';
import { shippedGlossary } from '../../search/glossary.js';

/**
 * `lotse search --content FILE --jsonl`: the stable contract for external evaluation. One JSON
 * line in, one JSON line out, same order; the index is built once, before the first line.
 */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search a snapshot for questions given as JSON lines on stdin (evaluation contract)')
    .requiredOption('--content <file>', 'region snapshot JSON')
    .option('--jsonl', 'JSON lines in and out (the only format)', true)
    .option('--limit <n>', 'hits per question', '10')
    .action(async (flags: { content: string; limit: string }) => {
      const { region } = await readSnapshot(flags.content);
      const engine = new RegionSearch(region, shippedGlossary());
      // Everything a question could otherwise build on first use is built before the first line.
      engine.warm();
      const limit = Number(flags.limit) || 10;
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        process.stdout.write(JSON.stringify(answerLine(engine, line, limit)) + '\n');
      }
    });
}

function answerLine(engine: RegionSearch, line: string, limit: number): object {
  let input: { id?: unknown; question?: unknown; language?: unknown };
  try {
    input = JSON.parse(line) as typeof input;
  } catch {
    return { id: null, hits: [], ms: 0, error: 'not a JSON object' };
  }
  const id = input.id ?? null;
  if (typeof input.question !== 'string') return { id, hits: [], ms: 0, error: 'missing "question"' };
  const language = typeof input.language === 'string' && input.language !== '' ? input.language : engine.region.defaultLanguage;
  // The contract: pages in the line's language, else in the region's main language.
  const result = engine.search({ text: input.question, language, limit, kinds: ['page'], readable: [language, engine.region.defaultLanguage] });
  return {
    id,
    hits: result.hits.map((hit) => ({ pageId: hit.item.id, score: Math.round(hit.score * 1e4) / 1e4, sentences: hit.sentences })),
    ms: Math.round(result.ms * 1000) / 1000,
  };
}
