import { occurrencesBetween } from '../src/content/occurrences.js';
import type { Event } from '../src/content/model.js';
import { fromWallTime, wallTime } from '../src/content/time.js';
import type { ConversationContext, Intent } from '../src/core/context.js';
import { payload, type Block } from '../src/core/message.js';
import { start } from './start.js';

/** Upcoming events: the next 7 days, or this weekend, in the user's language where translated. */

const TIME_ZONE = 'Europe/Berlin';
const MAX_LISTED = 10;

export function formatEventTime(ctx: ConversationContext, event: Event, start: Date, end: Date): string {
  const locale = ctx.texts.replyLanguage(ctx.language);
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: event.timezone || TIME_ZONE }).format(start);
  if (event.allDay) return `${day}, ${ctx.t('events.allDay')}`;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: event.timezone || TIME_ZONE });
  return `${day}, ${time.format(start)}–${time.format(end)}`;
}

/** The coming Saturday 00:00 to Monday 00:00 (the current weekend when it is one). */
function weekendWindow(now: Date): [Date, Date] {
  const today = wallTime(now, TIME_ZONE);
  const daysToSaturday = today.weekday >= 5 ? -(today.weekday - 5) : 5 - today.weekday;
  const saturday = fromWallTime(today.year, today.month, today.day + daysToSaturday, 0, 0, TIME_ZONE);
  const monday = fromWallTime(today.year, today.month, today.day + daysToSaturday + 2, 0, 0, TIME_ZONE);
  return [saturday < now ? now : saturday, monday];
}

function listEvents(ctx: ConversationContext, weekend: boolean) {
  if (ctx.region === null) return start(ctx);
  const { region } = ctx.region;
  const now = ctx.now();
  const [from, to] = weekend ? weekendWindow(now) : [now, new Date(now.getTime() + 7 * 86_400_000)];
  // Events in the user's language; those without a translation from the main language.
  const own = region.events.filter((event) => event.language === ctx.language);
  const translatedIds = new Set(own.flatMap((event) => Object.values(event.translations)));
  const fallback = region.events.filter((event) => event.language === region.defaultLanguage && event.language !== ctx.language && !translatedIds.has(event.id));
  const occurrences = occurrencesBetween([...own, ...fallback], from, to).slice(0, MAX_LISTED);
  const { t } = ctx;
  if (occurrences.length === 0) return [ctx.reply([{ kind: 'text', text: t(weekend ? 'events.noneWeekend' : 'events.none') }])];
  const places = new Map(region.pois.map((poi) => [poi.id, poi.title]));
  const blocks: Block[] = [{ kind: 'title', text: t(weekend ? 'events.weekendTitle' : 'events.title') }];
  for (const { event, start: begins, end } of occurrences) {
    const place = event.locationPoiId ? places.get(event.locationPoiId) : event.locationText;
    blocks.push({ kind: 'text', text: `${formatEventTime(ctx, event, begins, end)} — ${event.title}${place ? `\n${t('events.at', { place })}` : ''}` });
  }
  const buttons = weekend ? [] : [[{ label: t('events.weekend'), payload: payload('events', 'weekend') }]];
  return [ctx.reply(blocks, buttons)];
}

export const events: Intent = (ctx) => listEvents(ctx, false);
export const weekendEvents: Intent = (ctx) => listEvents(ctx, true);
