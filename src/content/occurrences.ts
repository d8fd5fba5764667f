import rrule from 'rrule';
import type { Event } from './model.js';
import { fromWallTime, wallTime } from './time.js';

const { rrulestr } = rrule;

/** One occurrence of an event: a one-off event has one, a recurring event many. */
export interface Occurrence {
  event: Event;
  start: Date;
  end: Date;
}

/**
 * Occurrences of events that overlap [from, to). Recurrence is expanded on wall-clock time in
 * the event's time zone, so a weekly 15:00 café stays at 15:00 across daylight saving changes.
 * A broken rule costs its event, not the list.
 */
export function occurrencesBetween(events: readonly Event[], from: Date, to: Date): Occurrence[] {
  const result: Occurrence[] = [];
  for (const event of events) {
    const start = new Date(event.start);
    const end = new Date(event.end);
    const duration = Math.max(0, end.getTime() - start.getTime());
    if (event.recurrence === null) {
      if (end > from && start < to) result.push({ event, start, end });
      continue;
    }
    try {
      // rrule computes in "floating" UTC; the wall-clock fields are read back in the event's zone.
      const local = wallTime(start, event.timezone);
      const dtstart = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
      const rule = rrulestr(`RRULE:${event.recurrence}`, { dtstart });
      const windowStart = new Date(from.getTime() - duration - 36 * 3_600_000);
      const windowEnd = new Date(to.getTime() + 36 * 3_600_000);
      for (const floating of rule.between(windowStart, windowEnd, true)) {
        const occurrenceStart = fromWallTime(floating.getUTCFullYear(), floating.getUTCMonth() + 1, floating.getUTCDate(), floating.getUTCHours(), floating.getUTCMinutes(), event.timezone);
        const occurrenceEnd = new Date(occurrenceStart.getTime() + duration);
        if (occurrenceEnd > from && occurrenceStart < to) result.push({ event, start: occurrenceStart, end: occurrenceEnd });
      }
    } catch {
      continue;
    }
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime() || a.event.title.localeCompare(b.event.title));
}
