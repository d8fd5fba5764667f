import type { Event, Region } from './model.js';
import { occurrencesBetween, type Occurrence } from './occurrences.js';
import { fromWallTime, wallTime } from './time.js';

/**
 * The events of a time window — today, the coming seven days, this weekend — in a user's
 * language where translated, and from the main language where not. One function for the events
 * intent and for `lotse ask`, so both list the same events.
 */

export type EventWindow = 'today' | 'week' | 'weekend';

const TIME_ZONE = 'Europe/Berlin';
export const MAX_LISTED = 10;

/** The coming Saturday 00:00 to Monday 00:00 (the current weekend when it is one). */
function weekendWindow(now: Date): [Date, Date] {
  const today = wallTime(now, TIME_ZONE);
  const daysToSaturday = today.weekday >= 5 ? -(today.weekday - 5) : 5 - today.weekday;
  const saturday = fromWallTime(today.year, today.month, today.day + daysToSaturday, 0, 0, TIME_ZONE);
  const monday = fromWallTime(today.year, today.month, today.day + daysToSaturday + 2, 0, 0, TIME_ZONE);
  return [saturday < now ? now : saturday, monday];
}

/** From now to the end of today. */
function todayWindow(now: Date): [Date, Date] {
  const today = wallTime(now, TIME_ZONE);
  return [now, fromWallTime(today.year, today.month, today.day + 1, 0, 0, TIME_ZONE)];
}

export function windowRange(window: EventWindow, now: Date): [Date, Date] {
  if (window === 'today') return todayWindow(now);
  if (window === 'weekend') return weekendWindow(now);
  return [now, new Date(now.getTime() + 7 * 86_400_000)];
}

export function upcomingEvents(region: Region, language: string, window: EventWindow, now: Date): Occurrence[] {
  const [from, to] = windowRange(window, now);
  const own = region.events.filter((event) => event.language === language);
  const translatedIds = new Set(own.flatMap((event) => Object.values(event.translations)));
  const fallback: Event[] = region.events.filter((event) => event.language === region.defaultLanguage && event.language !== language && !translatedIds.has(event.id));
  return occurrencesBetween([...own, ...fallback], from, to).slice(0, MAX_LISTED);
}
