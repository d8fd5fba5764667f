import { hoursOn, nearestPlaces } from '../src/content/places.js';
import type { DayHours, Poi } from '../src/content/model.js';
import type { ConversationContext, Intent } from '../src/core/context.js';
import type { Block } from '../src/core/message.js';
import { formatAddress } from './question.js';
import { start } from './start.js';

/**
 * Places near a shared location, with distance and today's opening hours; category words
 * ("Arzt", "doctor", "طبيب") said before filter them.
 */

/** Asks for the location, remembering the categories the user named (not the message). */
export function askLocation(categories: string[]): Intent {
  return (ctx) => {
    ctx.chat.awaiting = categories.length > 0 ? `places:${categories.join(',')}` : 'places';
    return [ctx.reply([{ kind: 'text', text: ctx.t('places.askLocation') }], undefined, { requestLocation: ctx.t('places.shareLocation') })];
  };
}

function describeHours(ctx: ConversationContext, hours: DayHours | null): string {
  const { t } = ctx;
  if (hours === null) return t('places.unknownHours');
  if (hours.closed) return t('places.closedToday');
  const slots = hours.allDay ? t('places.openAllDay') : hours.timeSlots.map((slot) => `${slot.start}–${slot.end}`).join(', ');
  return `${t('places.openToday', { hours: slots })}${hours.appointmentOnly ? ` (${t('places.appointmentOnly')})` : ''}`;
}

function matchesCategory(poi: Poi, categories: string[]): boolean {
  if (categories.length === 0) return true;
  const category = poi.category;
  if (category === null) return false;
  const keys = [category.id, category.icon ?? '', ...Object.values(category.names)].map((value) => value.toLowerCase());
  return categories.some((wanted) => keys.includes(wanted));
}

export const nearbyPlaces: Intent = (ctx) => {
  if (ctx.incoming.kind !== 'location') return askLocation([])(ctx);
  if (ctx.region === null) return start(ctx);
  const { region } = ctx.region;
  const categories = ctx.chat.awaiting?.startsWith('places:') ? ctx.chat.awaiting.slice('places:'.length).split(',') : [];
  ctx.chat.awaiting = null;
  const own = region.pois.filter((poi) => poi.language === ctx.language);
  const pool = own.length > 0 ? own : region.pois.filter((poi) => poi.language === region.defaultLanguage);
  let nearby = nearestPlaces(pool, ctx.incoming.location, 5, (poi) => matchesCategory(poi, categories));
  // No place of that kind: better the nearest places of any kind than nothing.
  const filtered = categories.length > 0 && nearby.length > 0;
  if (nearby.length === 0 && categories.length > 0) nearby = nearestPlaces(pool, ctx.incoming.location, 5);
  const { t } = ctx;
  if (nearby.length === 0) return [ctx.reply([{ kind: 'text', text: t('places.none') }])];
  const categoryName = filtered ? (nearby[0]!.poi.category?.names[ctx.language] ?? nearby[0]!.poi.category?.names[region.defaultLanguage]) : undefined;
  const blocks: Block[] = [{ kind: 'title', text: categoryName ? t('places.nearestOfCategory', { category: categoryName }) : t('places.nearest') }];
  const now = ctx.now();
  for (const { poi, distanceKm } of nearby) {
    const distance = distanceKm < 1 ? t('places.distanceMeters', { distance: Math.round(distanceKm * 1000 / 10) * 10 }) : t('places.distance', { distance: distanceKm.toFixed(1) });
    const contact = poi.contacts.find((item) => item.phone);
    blocks.push({ kind: 'place', title: poi.title, address: formatAddress(poi), details: [distance, describeHours(ctx, hoursOn(poi, now)), ...(contact?.phone ? [contact.phone] : [])], location: poi.coordinates });
  }
  return [ctx.reply(blocks)];
};
