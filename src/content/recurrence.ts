/**
 * Integreat stores recurrence as an object ({frequency, interval, weekdays_for_weekly, …});
 * Lotse keeps RFC 5545 RRULE strings, which calendar libraries (rrule) understand.
 */

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

export interface IntegreatRecurrence {
  frequency: string;
  interval?: number | null;
  weekdays_for_weekly?: unknown;
  weekday_for_monthly?: number | string | null;
  week_for_monthly?: number | string | null;
  recurrence_end_date?: string | null;
}

function weekdayList(value: unknown): number[] {
  // Seen both as a real array and as a JSON string ("[\"1\", \"3\"]") in Integreat exports.
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(list)) return [];
  return list.map(Number).filter((day) => Number.isInteger(day) && day >= 0 && day <= 6);
}

/** Converts Integreat's recurrence object to an RRULE; throws on what it cannot represent. */
export function integreatRecurrenceToRrule(rule: IntegreatRecurrence): string {
  const frequency = String(rule.frequency).toUpperCase();
  if (!FREQUENCIES.has(frequency)) throw new Error(`unknown recurrence frequency "${rule.frequency}"`);
  const parts = [`FREQ=${frequency}`];
  const interval = Number(rule.interval ?? 1);
  if (Number.isInteger(interval) && interval > 1) parts.push(`INTERVAL=${interval}`);
  if (frequency === 'WEEKLY') {
    const days = weekdayList(rule.weekdays_for_weekly);
    if (days.length > 0) parts.push(`BYDAY=${days.map((day) => WEEKDAYS[day]).join(',')}`);
  }
  if (frequency === 'MONTHLY' && rule.weekday_for_monthly != null && rule.week_for_monthly != null) {
    const day = WEEKDAYS[Number(rule.weekday_for_monthly)];
    const week = Number(rule.week_for_monthly);
    if (day === undefined || !Number.isInteger(week)) throw new Error('invalid monthly recurrence');
    parts.push(`BYDAY=${week}${day}`);
  }
  if (rule.recurrence_end_date) {
    parts.push(`UNTIL=${rule.recurrence_end_date.replaceAll('-', '').slice(0, 8)}T235959Z`);
  }
  return parts.join(';');
}

/** Accepts "RRULE:FREQ=…", "DTSTART:…\nRRULE:FREQ=…" or "FREQ=…" and returns the bare rule. */
export function normaliseRrule(text: string): string {
  const line = text
    .split(/\r?\n/)
    .map((part) => part.trim())
    .find((part) => part.startsWith('RRULE:') || part.startsWith('FREQ='));
  if (line === undefined) throw new Error(`not an RRULE: "${text.slice(0, 60)}"`);
  const rule = line.replace(/^RRULE:/, '');
  if (!/^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)\b/.test(rule) && !/;FREQ=/.test(`;${rule}`)) {
    throw new Error(`RRULE without a valid FREQ: "${rule}"`);
  }
  return rule;
}
