import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Region } from '../content/model.js';
import { readSnapshot } from '../content/snapshot.js';
import { pickSentences, type AnswerOptions, defaultAnswerOptions } from '../search/answer.js';
import { RegionSearch } from '../search/engine.js';
import type { Glossary } from '../search/glossary.js';
import type { SearchOptions } from '../search/options.js';
import { parseQuery } from '../search/query.js';
import { FtsBaseline } from './fts-baseline.js';
import { rankOf, summariseRanking, summariseSentences, type RankingOutcome, type RankingSummary, type SentenceOutcome, type SentenceSummary } from './metrics.js';

/**
 * Evaluation on OMoS-QA (`../shared/data/qa`): page retrieval on the QA contexts and on the real
 * region content, and answer-sentence extraction with the gold page given.
 */

export interface QaRecord {
  id: string;
  region: string;
  language: string;
  question: string;
  answerable: boolean;
  context_page_id: string;
  answer_sentence_indices: number[];
  equivalent_real_page_ids: Record<string, string>;
}

export const QA_LANGUAGES = ['de', 'en', 'fr', 'ar', 'uk'] as const;
const QA_REGIONS = ['lkaugsburg', 'muenchen', 'rems-murr-kreis'] as const;
const REAL_REGIONS = ['lkaugsburg', 'rems-murr-kreis'] as const;

export function loadQa(dataDir: string, split: string, language: string): QaRecord[] {
  const file = path.join(dataDir, 'qa', split, `omos-qa.${language}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as QaRecord);
}

export interface TrackRow {
  language: string;
  ours: RankingSummary;
  baseline: RankingSummary;
}

export interface EvalReport {
  split: string;
  contexts: TrackRow[];
  region: TrackRow[];
  /** Our own user-style queries (bench/queries), searched in the German pages. */
  user: TrackRow[];
  sentences: { language: string; summary: SentenceSummary }[];
  /** Questions whose gold page was not in our top 10 (ids only), for error analysis. */
  misses: { id: string; track: string; question: string; top: string[]; gold: string }[];
}

export interface EvalSettings {
  dataDir: string;
  split: string;
  languages: readonly string[];
  glossary: Glossary | null;
  options?: Partial<SearchOptions>;
  answer?: AnswerOptions;
  baseline?: boolean;
  /** JSON lines of user-style queries with gold German pages (`bench/queries/user-queries.jsonl`). */
  userQueries?: string;
}

interface UserQuery {
  id: string;
  region: string;
  language: string;
  style: string;
  query: string;
  gold: string[];
}

function readUserQueries(file: string): (QaRecord & { style: string; gold: string[] })[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as UserQuery)
    .map((query) => ({
      id: query.id,
      region: query.region,
      language: query.language,
      question: query.query,
      answerable: true,
      context_page_id: query.gold[0]!,
      answer_sentence_indices: [],
      equivalent_real_page_ids: {},
      style: query.style,
      gold: query.gold,
    }));
}

async function loadRegions(dataDir: string, names: readonly string[], prefix: string): Promise<Map<string, Region>> {
  const regions = new Map<string, Region>();
  for (const name of names) {
    const { region } = await readSnapshot(path.join(dataDir, 'content', `${prefix}${name}.json`));
    regions.set(name, region);
  }
  return regions;
}

function runTrack(
  track: string,
  questions: QaRecord[],
  regions: Map<string, Region>,
  goldOf: (question: QaRecord) => string | undefined,
  settings: EvalSettings,
  report: EvalReport,
  goldSetOf: (question: QaRecord) => string[] = (question) => [goldOf(question) ?? ''],
): TrackRow[] {
  const rows: TrackRow[] = [];
  const engines = new Map<string, RegionSearch>();
  const engineFor = (name: string) => {
    let engine = engines.get(name);
    if (engine === undefined) {
      engine = new RegionSearch(regions.get(name)!, settings.glossary, settings.options, settings.answer);
      engines.set(name, engine);
    }
    return engine;
  };
  for (const language of settings.languages) {
    const ours: RankingOutcome[] = [];
    const baseline: RankingOutcome[] = [];
    const baselines = new Map<string, FtsBaseline>();
    for (const question of questions.filter((record) => record.language === language)) {
      const gold = goldOf(question);
      const region = regions.get(question.region);
      if (gold === undefined || region === undefined) continue;
      const searchLanguage = (question as { searchLanguage?: string }).searchLanguage ?? language;
      const result = engineFor(question.region).search({ text: question.question, language: searchLanguage, kinds: ['page'], noFallback: true });
      const ids = result.hits.map((hit) => hit.item.id);
      const goldSet = new Set(goldSetOf(question));
      const rank = rankOf(ids, goldSet);
      ours.push({ rank, ms: result.ms });
      if (rank === null || rank > 1) report.misses.push({ id: question.id, track, question: question.question, top: ids.slice(0, 3), gold });
      if (settings.baseline !== false) {
        let fts = baselines.get(question.region);
        if (fts === undefined) {
          fts = new FtsBaseline(region.pages.filter((page) => page.language === language));
          baselines.set(question.region, fts);
        }
        const started = performance.now();
        const baseIds = fts.search(question.question);
        baseline.push({ rank: rankOf(baseIds, goldSet), ms: performance.now() - started });
      }
    }
    for (const fts of baselines.values()) fts.close();
    if (ours.length > 0) rows.push({ language, ours: summariseRanking(ours), baseline: summariseRanking(baseline) });
  }
  return rows;
}

function runSentences(questions: QaRecord[], regions: Map<string, Region>, settings: EvalSettings): EvalReport['sentences'] {
  const rows: EvalReport['sentences'] = [];
  const engines = new Map<string, RegionSearch>();
  for (const language of settings.languages) {
    const outcomes: SentenceOutcome[] = [];
    for (const question of questions.filter((record) => record.language === language && record.answerable)) {
      let engine = engines.get(question.region);
      if (engine === undefined) {
        engine = new RegionSearch(regions.get(question.region)!, settings.glossary, settings.options, settings.answer);
        engines.set(question.region, engine);
      }
      const target = engine.index(language);
      const document = target?.documentOf('page', question.context_page_id);
      if (target === undefined || document === undefined) continue;
      const query = parseQuery(question.question, language, target, settings.glossary, engine.options);
      const picked = pickSentences(document, query, target, engine.options, settings.answer ?? defaultAnswerOptions);
      // Line 0 is the title; line i is the i-th <p>, which is block i-1.
      outcomes.push({ picked: [...new Set(picked.map((sentence) => sentence.block + 1))], gold: question.answer_sentence_indices });
    }
    if (outcomes.length > 0) rows.push({ language, summary: summariseSentences(outcomes) });
  }
  return rows;
}

export function qaAvailable(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'qa')) && existsSync(path.join(dataDir, 'content'));
}

export async function evaluate(settings: EvalSettings): Promise<EvalReport> {
  const report: EvalReport = { split: settings.split, contexts: [], region: [], user: [], sentences: [], misses: [] };
  const questions = settings.languages.flatMap((language) => loadQa(settings.dataDir, settings.split, language));

  const contextRegions = await loadRegions(settings.dataDir, QA_REGIONS, 'qa-');
  report.contexts = runTrack('contexts', questions, contextRegions, (question) => question.context_page_id, settings, report);
  report.sentences = runSentences(questions, contextRegions, settings);
  contextRegions.clear();

  const realRegions = await loadRegions(settings.dataDir, REAL_REGIONS, '');
  const regionSettings = { ...settings, languages: settings.languages.filter((language) => language === 'de' || language === 'en') };
  report.region = runTrack('region', questions, realRegions, (question) => question.equivalent_real_page_ids[question.language], regionSettings, report);

  if (settings.userQueries !== undefined && existsSync(settings.userQueries)) {
    const userQueries = readUserQueries(settings.userQueries);
    const germanOnly = new Map([...realRegions].map(([name, region]) => [name, { ...region, pages: region.pages.filter((page) => page.language === 'de') }]));
    const byStyle = [...new Set(userQueries.map((query) => query.style))];
    for (const style of byStyle) {
      const styled = userQueries.filter((query) => query.style === style);
      const rows = runTrack(`user:${style}`, styled.map((query) => ({ ...query, language: 'de', searchLanguage: query.language })), germanOnly, (question) => question.context_page_id, { ...settings, languages: ['de'] }, report, (question) => (question as unknown as { gold: string[] }).gold);
      for (const row of rows) report.user.push({ ...row, language: style });
    }
  }
  return report;
}
