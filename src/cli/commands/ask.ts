import type { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { loadRegistry } from '../registry.js';
import { createLogger } from '../../log.js';
import { shippedGlossary } from '../../search/glossary.js';
import type { SearchResult } from '../../search/engine.js';

export function formatResult(question: string, result: SearchResult): string {
  const lines = [`“${question}” — confidence ${result.confidence.toFixed(2)}, searched ${result.explanation.searched.join(' → ') || 'nothing'}${result.explanation.fellBack ? ' (answer from the main language)' : ''}, ${result.ms.toFixed(1)} ms`];
  if (result.hits.length === 0) lines.push('  no page found');
  else if (!result.answered) lines.push('  below the answer threshold: the bot would say it found no good answer and offer these pages');
  result.hits.forEach((hit, index) => {
    const note = hit.otherLanguage ? ` [${hit.item.language}, not translated]` : '';
    lines.push(`${String(index + 1).padStart(2)}. ${hit.item.title}${note}  (${hit.kind} ${hit.item.id}, score ${hit.score.toFixed(2)}, covers ${(hit.coverage * 100).toFixed(0)} %, matched: ${hit.matchedTerms.join(', ') || '—'})`);
    if (index < 3) for (const sentence of hit.sentences) lines.push(`      » ${sentence}`);
    if (index < 3 && hit.item.url) lines.push(`      ${hit.item.url}`);
  });
  const clauses = result.explanation.clauses.map((clause) => `${clause.language}:${clause.label}→${clause.terms.map((term) => term.term + (term.via === 'exact' ? '' : `~${term.via}`)).join('|') || '∅'}`);
  lines.push(`  query: ${clauses.join('  ')}`);
  if (result.explanation.glossary.length > 0) lines.push(`  glossary: ${result.explanation.glossary.map((match) => `${match.matched} → ${match.conceptId}`).join(', ')}`);
  return lines.join('\n');
}

export function registerAsk(program: Command): void {
  program
    .command('ask <question>')
    .description('what the bot would answer, with scores and why')
    .option('--region <slug>', 'region (default: the only or first one)')
    .option('--lang <code>', "the user's language", 'de')
    .option('--limit <n>', 'hits to show', '5')
    .option('--json', 'print the full result as JSON')
    .action(async (question: string, flags: { region?: string; lang: string; limit: string; json?: boolean }) => {
      const config = loadConfig();
      const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
      const registry = await loadRegistry(config, logger, { glossary: shippedGlossary() });
      const entry = flags.region ? registry.get(flags.region) : registry.list()[0];
      if (entry === undefined) {
        console.error(`unknown region "${flags.region}"; loaded: ${registry.list().map((item) => item.region.slug).join(', ')}`);
        process.exitCode = 2;
        return;
      }
      const result = entry.search.search({ text: question, language: flags.lang, limit: Number(flags.limit) || 5 });
      if (flags.json) {
        console.log(JSON.stringify({ ...result, hits: result.hits.map(({ item, ...hit }) => ({ ...hit, id: item.id, title: item.title, language: item.language, url: item.url })) }, null, 2));
      } else {
        console.log(formatResult(question, result));
      }
    });
}
