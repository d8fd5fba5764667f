import type { Event } from '../src/content/model.js';
import { upcomingEvents, type EventWindow } from '../src/content/upcoming.js';
import type { ConversationContext, Intent } from '../src/core/context.js';
import { payload, type Block } from '../src/core/message.js';
import { start } from './start.js';

/** Upcoming events: the next 7 days, or this weekend, in the user's language where translated. */

const TIME_ZONE = 'Europe/Berlin';

export function formatEventTime(ctx: ConversationContext, event: Event, start: Date, end: Date): string {
  const locale = ctx.texts.replyLanguage(ctx.language);
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: event.timezone || TIME_ZONE }).format(start);
  if (event.allDay) return `${day}, ${ctx.t('events.allDay')}`;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: event.timezone || TIME_ZONE });
  return `${day}, ${time.format(start)}–${time.format(end)}`;
}

const TEXTS: Record<EventWindow, { title: string; none: string }> = {
  today: { title: 'events.todayTitle', none: 'events.noneToday' },
  week: { title: 'events.title', none: 'events.none' },
  weekend: { title: 'events.weekendTitle', none: 'events.noneWeekend' },
};

function listEvents(ctx: ConversationContext, window: EventWindow) {
  if (ctx.region === null) return start(ctx);
  const { region } = ctx.region;
  const occurrences = upcomingEvents(region, ctx.language, window, ctx.now());
  const { t } = ctx;
  const weekend = window === 'weekend';
  if (occurrences.length === 0) return [ctx.reply([{ kind: 'text', text: t(TEXTS[window].none) }])];
  const places = new Map(region.pois.map((poi) => [poi.id, poi.title]));
  const blocks: Block[] = [{ kind: 'title', text: t(TEXTS[window].title) }];
  for (const { event, start: begins, end } of occurrences) {
    const place = event.locationPoiId ? places.get(event.locationPoiId) : event.locationText;
    blocks.push({ kind: 'text', text: `${formatEventTime(ctx, event, begins, end)} — ${event.title}${place ? `\n${t('events.at', { place })}` : ''}` });
  }
  const buttons = weekend ? [] : [[{ label: t('events.weekend'), payload: payload('events', 'weekend') }]];
  return [ctx.reply(blocks, buttons)];
}

export const eventsIn = (window: EventWindow): Intent => (ctx) => listEvents(ctx, window);
export const events = eventsIn('week');
export const weekendEvents = eventsIn('weekend');
