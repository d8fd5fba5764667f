/**
 * Parameter sweeps on the OMoS-QA train split: one line of headline numbers per configuration.
 *   node dist/bench/tune.js '{"k1":1.4}' '{"fields":{"title":{"weight":4,"b":0.5}}}'
 * Tune on train; report dev with `npm run eval`.
 */
import type { AnswerOptions } from '../src/search/answer.js';
import { evaluate, qaAvailable, QA_LANGUAGES } from '../src/eval/omos.js';
import { macro } from '../src/eval/metrics.js';
import { resolvePackagePath } from '../src/paths.js';
import { shippedGlossary } from '../src/search/glossary.js';
import { DEFAULT_SHARED_DATA } from '../src/cli/commands/eval.js';

const split = process.env.SPLIT ?? 'train';
const glossary = process.env.NO_GLOSSARY ? null : shippedGlossary();
if (!qaAvailable(DEFAULT_SHARED_DATA)) {
  console.log('skipped: ../shared/data not found');
  process.exit(0);
}
const configs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['{}'];
for (const text of configs) {
  const parsed = JSON.parse(text) as { answer?: AnswerOptions } & Record<string, unknown>;
  const { answer, ...options } = parsed;
  const report = await evaluate({
    dataDir: DEFAULT_SHARED_DATA,
    split,
    languages: QA_LANGUAGES,
    glossary,
    baseline: false,
    options,
    answer,
    userQueries: resolvePackagePath('bench/queries/user-queries.jsonl'),
  });
  const contexts = macro(report.contexts.map((row) => row.ours));
  const region = macro(report.region.map((row) => row.ours));
  const user = macro(report.user.map((row) => row.ours));
  const sentences = macro(report.sentences.map((row) => row.summary));
  const f = (value: number) => value.toFixed(3);
  const perLanguage = report.contexts.map((row) => `${row.language}=${f(row.ours.mrrAt10)}`).join(' ');
  console.log(
    `ctx MRR ${f(contexts.mrrAt10)} R@5 ${f(contexts.recallAt5)} [${perLanguage}] | region ${f(region.mrrAt10)} | user ${f(user.mrrAt10)} | sent P ${f(sentences.precision)} R ${f(sentences.recall)} F ${f((2 * sentences.precision * sentences.recall) / (sentences.precision + sentences.recall))} | p95 ${f(contexts.p95)} | ${text}`,
  );
}
