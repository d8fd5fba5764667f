import { createHash } from 'node:crypto';
import { analyze } from '../search/analyze.js';

/**
 * Groups anonymised questions by similar wording: two questions belong together when they share
 * at least half of their search terms (Jaccard ≥ 0.5). Groups are built oldest first, so a group
 * keeps its key — and what staff decided about it — as new questions join.
 */

export interface LoggedRow {
  region: string;
  language: string;
  text: string;
  reason: string;
  top_hits: string;
  created_at: string;
}

export interface QuestionGroup {
  key: string;
  count: number;
  /** Up to five different wordings, newest first. */
  examples: string[];
  languages: Record<string, number>;
  /** ISO week (e.g. `2026-W47`) → count. */
  weeks: Record<string, number>;
  reasons: Record<string, number>;
  /** Pages the bot offered, with how often. */
  offered: { id: string; title: string; count: number }[];
  lastAsked: string;
}

export function isoWeek(iso: string): string {
  const date = new Date(iso);
  const day = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((thursday.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

export function groupQuestions(rows: readonly LoggedRow[]): QuestionGroup[] {
  const groups: { terms: Set<string>; group: QuestionGroup; offered: Map<string, { id: string; title: string; count: number }> }[] = [];
  const ordered = [...rows].sort((a, b) => a.created_at.localeCompare(b.created_at));
  for (const row of ordered) {
    const terms = new Set(analyze(row.text, [row.language]).map((token) => token.term));
    let home = groups.find((candidate) => jaccard(candidate.terms, terms) >= 0.5);
    if (home === undefined) {
      const key = createHash('sha1').update(`${row.language}:${[...terms].sort().join(' ') || row.text.toLowerCase()}`).digest('hex').slice(0, 12);
      home = { terms, offered: new Map(), group: { key, count: 0, examples: [], languages: {}, weeks: {}, reasons: {}, offered: [], lastAsked: row.created_at } };
      groups.push(home);
    }
    const { group } = home;
    group.count++;
    group.lastAsked = row.created_at;
    group.languages[row.language] = (group.languages[row.language] ?? 0) + 1;
    const week = isoWeek(row.created_at);
    group.weeks[week] = (group.weeks[week] ?? 0) + 1;
    group.reasons[row.reason] = (group.reasons[row.reason] ?? 0) + 1;
    if (!group.examples.includes(row.text)) group.examples.unshift(row.text);
    group.examples = group.examples.slice(0, 5);
    for (const hit of JSON.parse(row.top_hits) as { id: string; title: string }[]) {
      const entry = home.offered.get(hit.id) ?? { id: hit.id, title: hit.title, count: 0 };
      entry.count++;
      home.offered.set(hit.id, entry);
    }
  }
  return groups
    .map(({ group, offered }) => ({ ...group, offered: [...offered.values()].sort((a, b) => b.count - a.count).slice(0, 5) }))
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
}
