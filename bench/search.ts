/**
 * `npm run bench`: search speed and memory, Lotse beside fuse.js over whole pages and SQLite
 * FTS5, measured in the same run on the real content in ../shared/data/content.
 *
 * Goals (issue #2): every region loaded in ≤ 3 s and ≤ 300 MB RSS; p95 ≤ 5 ms per query at
 * ~600 pages per language and ≤ 20 ms at 10,000 pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fuse from 'fuse.js';
import { DEFAULT_SHARED_DATA } from '../src/cli/commands/eval.js';
import type { Page, Region } from '../src/content/model.js';
import { readSnapshot } from '../src/content/snapshot.js';
import { FtsBaseline } from '../src/eval/fts-baseline.js';
import { percentile } from '../src/eval/metrics.js';
import { RegionSearch } from '../src/search/engine.js';
import { shippedGlossary } from '../src/search/glossary.js';
import { resolvePackagePath } from '../src/paths.js';

const contentDir = path.join(DEFAULT_SHARED_DATA, 'content');
if (!existsSync(contentDir)) {
  console.log(`skipped: ${contentDir} not found (the benchmark needs ../shared/data)`);
  process.exit(0);
}

const rssMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().rss / 1e6;
};
const ms = (value: number) => value.toFixed(2).padStart(8);
const line = (cells: string[]) => console.log(cells.map((cell, index) => (index === 0 ? cell.padEnd(36) : cell.padStart(index === 3 ? 16 : 10))).join(''));

interface Query {
  region: string;
  language: string;
  text: string;
}

function questions(): Query[] {
  const result: Query[] = [];
  for (const split of ['train', 'dev']) {
    const dir = path.join(DEFAULT_SHARED_DATA, 'qa', split);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      for (const row of readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean)) {
        const record = JSON.parse(row) as { region: string; language: string; question: string };
        result.push({ region: `qa-${record.region}`, language: record.language, text: record.question });
      }
    }
  }
  const userFile = resolvePackagePath('bench/queries/user-queries.jsonl');
  if (existsSync(userFile)) {
    for (const row of readFileSync(userFile, 'utf8').split('\n').filter(Boolean)) {
      const record = JSON.parse(row) as { region: string; language: string; query: string };
      result.push({ region: record.region, language: record.language, text: record.query });
    }
  }
  return result;
}

function timeQueries(engines: Map<string, RegionSearch>, queries: Query[]): number[] {
  const times: number[] = [];
  for (const query of queries) {
    const engine = engines.get(query.region);
    if (engine === undefined) continue;
    const started = performance.now();
    engine.search({ text: query.text, language: query.language });
    times.push(performance.now() - started);
  }
  return times;
}

/** A synthetic large region: real German pages repeated with shuffled sentences and renamed titles. */
function syntheticRegion(source: Page[], size: number): Region {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pages: object[] = [];
  for (let index = 0; pages.length < size; index++) {
    const page = source[index % source.length]!;
    const paragraphs = page.text.sentences.map((sentence) => sentence.text).sort(() => random() - 0.5);
    const keep = paragraphs.slice(0, Math.max(1, Math.ceil(paragraphs.length * (0.5 + random() / 2))));
    pages.push({
      id: `s${pages.length}`,
      language: 'de',
      title: `${page.title} ${Math.floor(index / source.length) || ''}`.trim(),
      content_html: keep.map((text) => `<p>${text.replace(/[<&]/g, ' ')}</p>`).join(''),
      translations: {},
    });
  }
  return { slug: 'synthetic', name: 'Synthetic', languages: [{ code: 'de', nativeName: 'Deutsch', dir: 'ltr' }], defaultLanguage: 'de', pages: pages as Page[], events: [], pois: [], news: [], source: { kind: 'snapshot', location: 'synthetic', fetchedAt: null } };
}

const glossary = shippedGlossary();
const baseRss = rssMb();

// 1. Every region, loaded and indexed.
const loadStarted = performance.now();
const regions = new Map<string, Region>();
const engines = new Map<string, RegionSearch>();
let parseMs = 0;
for (const file of readdirSync(contentDir).filter((name) => name.endsWith('.json')).sort()) {
  const parseStarted = performance.now();
  const { region } = await readSnapshot(path.join(contentDir, file));
  parseMs += performance.now() - parseStarted;
  regions.set(path.basename(file, '.json'), region);
  const engine = new RegionSearch(region, glossary);
  // As lotse start does: the term translations between languages are learned before questions come.
  engine.warm();
  engines.set(path.basename(file, '.json'), engine);
}
const loadMs = performance.now() - loadStarted;
const loadedRss = rssMb();
const pageCount = [...regions.values()].reduce((sum, region) => sum + region.pages.length, 0);

console.log(`Lotse search benchmark — ${regions.size} regions, ${pageCount} pages from ${contentDir}\n`);
line(['load + index every region', 'seconds', 'RSS MB', 'goal']);
line(['  all regions', (loadMs / 1000).toFixed(2), loadedRss.toFixed(0), '≤3 s, ≤300 MB']);
line(['  of which reading + HTML→text', (parseMs / 1000).toFixed(2), '', '']);
line(['  of which indexing and learning term translations', ((loadMs - parseMs) / 1000).toFixed(2), '', '']);
line(['  (process before loading)', '', baseRss.toFixed(0), '']);

// 2. Query latency on real questions, Lotse beside FTS5 and fuse.js.
const queries = questions();
timeQueries(engines, queries.slice(0, 200)); // warm-up: JIT, lazy structures
const ours = timeQueries(engines, queries);

const ftsTimes: number[] = [];
const fts = new Map<string, FtsBaseline>();
for (const query of queries) {
  const region = regions.get(query.region);
  if (region === undefined) continue;
  const key = `${query.region}/${query.language}`;
  let baseline = fts.get(key);
  if (baseline === undefined) {
    const pages = region.pages.filter((page) => page.language === query.language);
    baseline = new FtsBaseline(pages.length > 0 ? pages : region.pages.filter((page) => page.language === region.defaultLanguage));
    fts.set(key, baseline);
  }
  const started = performance.now();
  baseline.search(query.text);
  ftsTimes.push(performance.now() - started);
}
for (const baseline of fts.values()) baseline.close();

// fuse.js over whole pages is slow; a fixed sample of 60 questions is enough for its latency.
const fuseSample = queries.filter((_, index) => index % Math.max(1, Math.floor(queries.length / 60)) === 0).slice(0, 60);
const fuses = new Map<string, Fuse<{ title: string; body: string }>>();
const fuseTimes: number[] = [];
for (const query of fuseSample) {
  const region = regions.get(query.region);
  if (region === undefined) continue;
  const key = `${query.region}/${query.language}`;
  let fuse = fuses.get(key);
  if (fuse === undefined) {
    const pages = region.pages.filter((page) => page.language === query.language).map((page) => ({ title: page.title, body: page.text.blocks.map((block) => block.text).join('\n') }));
    fuse = new Fuse(pages, { keys: [{ name: 'title', weight: 2 }, 'body'], ignoreLocation: true, threshold: 0.4 });
    fuses.set(key, fuse);
  }
  const started = performance.now();
  fuse.search(query.text, { limit: 10 });
  fuseTimes.push(performance.now() - started);
}

console.log('');
line([`query latency (${ours.length} questions)`, 'p50 ms', 'p95 ms', 'max ms']);
line(['  Lotse', ms(percentile(ours, 50)), ms(percentile(ours, 95)), ms(Math.max(...ours))]);
line(['  SQLite FTS5 BM25', ms(percentile(ftsTimes, 50)), ms(percentile(ftsTimes, 95)), ms(Math.max(...ftsTimes))]);
line([`  fuse.js over pages (${fuseTimes.length} q.)`, ms(percentile(fuseTimes, 50)), ms(percentile(fuseTimes, 95)), ms(Math.max(...fuseTimes))]);
line(['  goal (Lotse, ~600 pages/language)', '', '≤5', '']);

const throughputStarted = performance.now();
const repeat = timeQueries(engines, queries);
console.log(`  throughput: ${(repeat.length / ((performance.now() - throughputStarted) / 1000)).toFixed(0)} questions/s on one core`);

// 3. A synthetic 10,000-page region.
engines.clear();
const german = [...regions.values()].flatMap((region) => region.pages.filter((page) => page.language === 'de' && page.text.sentences.length > 0));
regions.clear();
const synthetic = syntheticRegion(german, 10_000);
const { parseSnapshot } = await import('../src/content/snapshot.js');
const parsed = parseSnapshot({ region: { slug: 'synthetic', name: 'Synthetic' }, languages: [{ code: 'de', name: 'Deutsch', direction: 'ltr' }], pages: synthetic.pages }, synthetic.source).region;
const buildStarted = performance.now();
const large = new RegionSearch(parsed, glossary);
const buildMs = performance.now() - buildStarted;
const largeEngines = new Map([['synthetic', large]]);
const germanQueries = queries.filter((query) => query.language === 'de').map((query) => ({ ...query, region: 'synthetic' }));
timeQueries(largeEngines, germanQueries.slice(0, 100));
const largeTimes = timeQueries(largeEngines, germanQueries);
console.log('');
line([`synthetic region, ${parsed.pages.length} pages (de)`, 'value', '', 'goal']);
line(['  index build, s', (buildMs / 1000).toFixed(2), '', '']);
line(['  query p50 ms', ms(percentile(largeTimes, 50)), '', '']);
line(['  query p95 ms', ms(percentile(largeTimes, 95)), '', '≤20']);
line(['  RSS MB', rssMb().toFixed(0), '', '']);
