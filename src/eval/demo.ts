import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedRegionEntry } from '../content/registry.js';
import type { BotTexts } from '../core/i18n.js';
import { resolvePackagePath } from '../paths.js';
import { whatTheBotAnswers, type BotAnswer } from '../core/bot-answer.js';
import { percentile } from './metrics.js';

/**
 * Evaluation on the demo region with questions as people type them into a messenger
 * (`bench/queries/demo/`): per language, how often the bot's first answer is right, how often it
 * shows a wrong one, offers "did you mean…?" or says it has no answer; off-topic messages that
 * must not be answered; emergencies that must be recognised. The set is split once, by a hash of
 * each id, into a tuning half and a reporting half; only the tuning half may guide changes.
 */

export const DEMO_QUERIES_DIR = resolvePackagePath('bench/queries/demo');

export interface DemoQuery {
  id: string;
  language: string;
  query: string;
  /** `page:<key>`, `poi:<key>`, `event:<key>`: the items that answer it, best first; empty for off-topic. */
  gold: string[];
  style?: string;
  /** Only in the emergency files: whether it is one. */
  emergency?: boolean;
  category?: string;
}

export type Half = 'tune' | 'report';

/** The evaluation's clock: a Saturday noon, so "this weekend" and opening hours are the same on every run. */
export const EVAL_NOW = new Date('2026-11-21T11:00:00Z');

export interface DemoSet {
  questions: DemoQuery[];
  emergencies: DemoQuery[];
  offTopic: DemoQuery[];
}

function readLines(file: string): DemoQuery[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DemoQuery);
}

/** Reads every `<lang>.jsonl`, `<lang>.emergency.jsonl` and `<lang>.offtopic.jsonl` of the folder. */
export function readDemoSet(dir = DEMO_QUERIES_DIR): DemoSet {
  const set: DemoSet = { questions: [], emergencies: [], offTopic: [] };
  if (!existsSync(dir)) return set;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
    const records = readLines(path.join(dir, file));
    if (file.endsWith('.emergency.jsonl')) set.emergencies.push(...records);
    else if (file.endsWith('.offtopic.jsonl')) set.offTopic.push(...records);
    else set.questions.push(...records);
  }
  return set;
}

/** FNV-1a of the id: a fixed, content-independent split that nobody chooses question by question. */
export function halfOf(id: string): Half {
  let hash = 0x811c9dc5;
  for (let at = 0; at < id.length; at++) {
    hash ^= id.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'tune' : 'report';
}

export interface LanguageFigures {
  language: string;
  questions: number;
  /** Shares of the questions, 0–1. */
  right: number;
  wrong: number;
  suggested: number;
  /** Of all questions: "did you mean" offered with a right choice among the buttons. */
  suggestedRight: number;
  none: number;
  /** Whatever the verdict: the search's first hit is right, or one of its first three. */
  top1: number;
  top3: number;
  offTopic: number;
  /** Share of off-topic messages answered as if they were on topic. */
  offTopicAnswered: number;
  emergencies: number;
  /** Share of emergencies recognised as such. */
  emergencyRecognised: number;
  /** Share of emergencies recognised and answered with a matching page. */
  emergencyPageRight: number;
  nonEmergencies: number;
  /** Share of look-alike ordinary questions wrongly treated as emergencies. */
  falseAlarms: number;
}

export interface DemoReport {
  half: Half | 'all';
  /** Search time per question, milliseconds. */
  latency: { p50: number; p95: number };
  languages: LanguageFigures[];
  overall: LanguageFigures;
  /** Per question, for error analysis. */
  outcomes: { query: DemoQuery; answer: BotAnswer; outcome: 'right' | 'wrong' | 'suggested' | 'none' }[];
}

export interface DemoEvalSettings {
  entry: LoadedRegionEntry;
  texts: BotTexts;
  now: Date;
  half: Half | 'all';
  set?: DemoSet;
}

const keyOf = (kind: string, id: string) => `${kind}:${id.split('@')[0]}`;

function outcomeOf(answer: BotAnswer, gold: string[]): 'right' | 'wrong' | 'suggested' | 'none' {
  if (answer.verdict === 'answer') {
    // A list of events, or the nearest places after the location is shared, is right for a question about events or places.
    if (answer.intent === 'events') return gold.some((item) => item.startsWith('event:')) ? 'right' : 'wrong';
    if (answer.intent === 'places') return gold.some((item) => item.startsWith('poi:')) ? 'right' : 'wrong';
    return answer.shown !== null && gold.includes(answer.shown) ? 'right' : 'wrong';
  }
  return answer.verdict === 'suggest' ? 'suggested' : 'none';
}

export function evaluateDemo(settings: DemoEvalSettings): DemoReport {
  const set = settings.set ?? readDemoSet();
  const inHalf = (query: DemoQuery) => settings.half === 'all' || halfOf(query.id) === settings.half;
  const ask = (query: DemoQuery) => whatTheBotAnswers({ entry: settings.entry, texts: settings.texts, text: query.query, language: query.language, now: settings.now, keyOf });
  const outcomes: DemoReport['outcomes'] = [];
  const languages = [...new Set([...set.questions, ...set.emergencies, ...set.offTopic].map((query) => query.language))].sort();
  const rows: LanguageFigures[] = [];
  const all: Record<string, number> = {};

  for (const language of languages) {
    const count: Record<string, number> = {};
    const add = (name: string) => {
      count[name] = (count[name] ?? 0) + 1;
      all[name] = (all[name] ?? 0) + 1;
    };
    for (const query of set.questions.filter((item) => item.language === language && inHalf(item))) {
      const answer = ask(query);
      const outcome = outcomeOf(answer, query.gold);
      outcomes.push({ query, answer, outcome });
      add('questions');
      add(outcome);
      const ranked = (answer.result?.hits ?? []).slice(0, 3).map((hit) => keyOf(hit.kind, hit.item.id));
      if (ranked[0] !== undefined && query.gold.includes(ranked[0])) add('top1');
      if (ranked.some((key) => query.gold.includes(key))) add('top3');
      if (outcome === 'suggested' && answer.choices.some((choice) => query.gold.includes(choice))) add('suggestedRight');
    }
    for (const query of set.offTopic.filter((item) => item.language === language && inHalf(item))) {
      const answer = ask(query);
      add('offTopic');
      // A page (or an emergency reply) shown as the answer; a greeting answered with a greeting is not.
      const answered = answer.verdict === 'answer' && answer.shown !== null;
      if (answered) add('offTopicAnswered');
      outcomes.push({ query, answer, outcome: answered ? 'wrong' : answer.verdict === 'suggest' ? 'suggested' : 'none' });
    }
    for (const query of set.emergencies.filter((item) => item.language === language && inHalf(item))) {
      const answer = ask(query);
      const alarm = answer.intent === 'emergency';
      if (query.emergency === true) {
        add('emergencies');
        if (alarm) add('emergencyRecognised');
        if (alarm && answer.shown !== null && query.gold.includes(answer.shown)) add('emergencyPageRight');
        outcomes.push({ query, answer, outcome: alarm ? 'right' : 'wrong' });
      } else {
        add('nonEmergencies');
        if (alarm) add('falseAlarms');
        outcomes.push({ query, answer, outcome: alarm ? 'wrong' : outcomeOf(answer, query.gold) });
      }
    }
    rows.push(figuresFrom(language, count));
  }
  const times = outcomes.flatMap(({ answer }) => (answer.result ? [answer.result.ms] : []));
  return { half: settings.half, latency: { p50: percentile(times, 50), p95: percentile(times, 95) }, languages: rows, overall: figuresFrom('all', all), outcomes };
}

function figuresFrom(language: string, count: Record<string, number>): LanguageFigures {
  const n = (name: string) => count[name] ?? 0;
  const share = (name: string, of: string) => (n(of) === 0 ? 0 : n(name) / n(of));
  return {
    language,
    questions: n('questions'),
    right: share('right', 'questions'),
    wrong: share('wrong', 'questions'),
    suggested: share('suggested', 'questions'),
    suggestedRight: share('suggestedRight', 'questions'),
    none: share('none', 'questions'),
    top1: share('top1', 'questions'),
    top3: share('top3', 'questions'),
    offTopic: n('offTopic'),
    offTopicAnswered: share('offTopicAnswered', 'offTopic'),
    emergencies: n('emergencies'),
    emergencyRecognised: share('emergencyRecognised', 'emergencies'),
    emergencyPageRight: share('emergencyPageRight', 'emergencies'),
    nonEmergencies: n('nonEmergencies'),
    falseAlarms: share('falseAlarms', 'nonEmergencies'),
  };
}

const percent = (value: number) => `${Math.round(value * 100)} %`;

/** The same table in Markdown, as the README shows it. */
export function formatDemoMarkdown(report: DemoReport): string {
  const pct = (value: number) => `${Math.round(value * 100)} %`;
  const row = (figures: LanguageFigures, bold = false) => {
    const cells = [
      figures.language,
      String(figures.questions),
      pct(figures.right),
      pct(figures.wrong),
      `${pct(figures.suggested)} (${pct(figures.suggestedRight)})`,
      pct(figures.none),
      pct(figures.top1),
      pct(figures.top3),
      pct(figures.emergencyRecognised),
      `${Math.round(figures.falseAlarms * figures.nonEmergencies)} of ${figures.nonEmergencies}`,
    ];
    return `| ${(bold ? cells.map((cell) => `**${cell}**`) : cells).join(' | ')} |`;
  };
  return [
    '| lang | n | right first answer | wrong answer shown | "did you mean" (right one among them) | no answer | first hit right, whatever the verdict | right in first three | emergencies recognised | false alarms |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...report.languages.map((figures) => row(figures)),
    row(report.overall, true),
  ].join('\n') + '\n';
}

/** The per-language table of `lotse eval --demo`. */
export function formatDemoReport(report: DemoReport): string {
  const header = ['lang', 'n', 'right', 'wrong', 'did you mean', '(right in it)', 'no answer', 'hit@1', 'hit@3', 'off-topic n', 'answered', 'emerg. n', 'recognised', 'page ok', 'false alarms'];
  const cells = (row: LanguageFigures) => [
    row.language,
    String(row.questions),
    percent(row.right),
    percent(row.wrong),
    percent(row.suggested),
    percent(row.suggestedRight),
    percent(row.none),
    percent(row.top1),
    percent(row.top3),
    String(row.offTopic),
    percent(row.offTopicAnswered),
    String(row.emergencies),
    percent(row.emergencyRecognised),
    percent(row.emergencyPageRight),
    `${percent(row.falseAlarms)} of ${row.nonEmergencies}`,
  ];
  const lines = [...report.languages.map(cells), cells(report.overall)];
  const widths = header.map((cell, column) => Math.max(cell.length, ...lines.map((line) => line[column]!.length)));
  const format = (line: string[]) => line.map((cell, column) => cell.padStart(widths[column]!)).join('  ');
  const title = `Demo region, messenger-style questions (${report.half === 'all' ? 'both halves' : `${report.half} half`})`;
  const speed = `search p50 ${report.latency.p50.toFixed(2)} ms, p95 ${report.latency.p95.toFixed(2)} ms per question`;
  return [title, format(header), ...lines.map(format), speed].join('\n') + '\n';
}
