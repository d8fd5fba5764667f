import { macro, type RankingSummary } from './metrics.js';
import type { EvalReport, TrackRow } from './omos.js';

/** Plain-text tables of an evaluation, ours and the baseline side by side. */

const fixed = (value: number, digits = 3) => value.toFixed(digits);
const pad = (text: string, width: number) => text.padStart(width);

function rankingCells(summary: RankingSummary): string[] {
  if (summary.count === 0) return ['—', '—', '—', '—', '—', '—'];
  return [fixed(summary.recallAt1), fixed(summary.recallAt3), fixed(summary.recallAt5), fixed(summary.mrrAt10), fixed(summary.p50, 2), fixed(summary.p95, 2)];
}

function trackTable(title: string, rows: TrackRow[]): string {
  if (rows.length === 0) return `${title}: no questions\n`;
  const header = ['lang', 'n', 'R@1', 'R@3', 'R@5', 'MRR@10', 'p50ms', 'p95ms', '|', 'R@1', 'R@3', 'R@5', 'MRR@10', 'p50ms', 'p95ms'];
  const lines = rows.map((row) => [row.language, String(row.ours.count), ...rankingCells(row.ours), '|', ...rankingCells(row.baseline)]);
  const ours = macro(rows.map((row) => row.ours));
  const base = macro(rows.map((row) => row.baseline));
  lines.push(['macro', String(rows.reduce((sum, row) => sum + row.ours.count, 0)), ...rankingCells(ours), '|', ...rankingCells(base)]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => pad(cell, widths[column]!)).join('  ');
  return [`${title}  (left: Lotse, right: SQLite FTS5 BM25 baseline)`, format(header), ...lines.map(format)].join('\n') + '\n';
}

export function formatReport(report: EvalReport): string {
  const parts = [`OMoS-QA ${report.split} split`, ''];
  parts.push(trackTable('Track "contexts" (corpus: QA contexts in the question language; gold: context page)', report.contexts));
  parts.push(trackTable('Track "region" (corpus: real region pages in de/en; gold: equivalent real page)', report.region));
  if (report.user.length > 0) parts.push(trackTable('Track "user" (our user-style queries by style, searched in the German pages of lkaugsburg/rems-murr-kreis)', report.user));
  if (report.sentences.length > 0) {
    parts.push('Answer sentences (gold page given; OMoS-QA sentence P/R, F = harmonic mean of mean P and mean R)');
    parts.push(['lang', 'n', 'P', 'R', 'F', 'shown'].map((cell) => pad(cell, 7)).join(''));
    for (const { language, summary } of report.sentences) {
      parts.push([language, String(summary.count), fixed(summary.precision), fixed(summary.recall), fixed(summary.f1), fixed(summary.shown, 2)].map((cell) => pad(cell, 7)).join(''));
    }
    const all = macro(report.sentences.map((row) => row.summary));
    parts.push(['macro', String(report.sentences.reduce((sum, row) => sum + row.summary.count, 0)), fixed(all.precision), fixed(all.recall), fixed(2 * all.precision * all.recall / (all.precision + all.recall || 1)), fixed(all.shown, 2)].map((cell) => pad(cell, 7)).join(''));
  }
  return parts.join('\n') + '\n';
}
