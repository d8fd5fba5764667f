import type { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { loadRegistry } from '../registry.js';
import { createLogger } from '../../log.js';
import { shippedGlossary } from '../../search/glossary.js';
import type { SearchResult } from '../../search/engine.js';
import { whatTheBotAnswers, type BotAnswer, type ShownItem } from '../../core/bot-answer.js';
import { BotTexts } from '../../core/i18n.js';

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

const itemJson = ({ kind, item }: ShownItem) => ({ kind, id: item.id, title: item.title, language: item.language, url: item.url });

/**
 * `ask --json`: the search result with `answered`, `confidence` and `hits` in rank order as
 * before, and what the bot does with it: `intent`, `verdict`, `suggestions` ("did you mean"),
 * `emergency`. When the bot answers with something else than a search hit (an emergency page,
 * a list of events), `hits` starts with what it shows and `answered` says whether it shows one.
 */
function askJson(answer: BotAnswer, result: SearchResult): object {
  const searched = result.hits.map(({ item, ...hit }) => ({ ...hit, id: item.id, title: item.title, language: item.language, url: item.url }));
  const base = { ...result, hits: searched, intent: answer.intent, verdict: answer.verdict, emergency: answer.emergency, suggestions: answer.verdict === 'suggest' ? answer.items.map(itemJson) : [] };
  if (answer.intent === 'question') return base;
  const shown = answer.items.map(itemJson);
  const shownIds = new Set(shown.map((item) => item.id));
  return { ...base, answered: shown.length > 0, verdict: shown.length > 0 ? 'answer' : answer.verdict, hits: [...shown, ...searched.filter((hit) => !shownIds.has(hit.id))] };
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
      const answer = whatTheBotAnswers({ entry, texts: new BotTexts(), text: question, language: flags.lang, now: new Date() });
      const result = entry.search.search({ text: question, language: flags.lang, limit: Number(flags.limit) || 5 });
      if (flags.json) {
        console.log(JSON.stringify(askJson(answer, result), null, 2));
      } else {
        if (answer.intent !== 'question') console.log(`the bot answers this as ${answer.intent}${answer.emergency ? ` (${answer.emergency})` : ''}${answer.items.length > 0 ? `: ${answer.items.map(({ item }) => item.title).join(' · ')}` : ''}`);
        console.log(formatResult(question, result));
      }
    });
}
