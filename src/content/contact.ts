import type { Contact, Poi, Region } from './model.js';

/** Category ids or icons of places that can answer a newcomer's question in person. */
const ADVICE_CATEGORIES = ['counselling', 'advice', 'authority', 'office'];

/**
 * Whom to ask when the bot has no good answer: a counselling place or office of the region with
 * a phone number or e-mail, in the user's language when it exists.
 */
export function regionContact(region: Region, language: string): { place: Poi; contact: Contact } | null {
  const score = (poi: Poi) => {
    const category = poi.category;
    const key = category ? [category.id, category.icon ?? ''].map((value) => value.toLowerCase()) : [];
    const rank = ADVICE_CATEGORIES.findIndex((name) => key.some((value) => value.includes(name)));
    return rank < 0 ? Number.POSITIVE_INFINITY : rank;
  };
  for (const wanted of [language, region.defaultLanguage]) {
    const candidates = region.pois
      .filter((poi) => poi.language === wanted && poi.contacts.some((contact) => contact.phone || contact.email))
      .sort((a, b) => score(a) - score(b));
    const place = candidates[0];
    if (place && Number.isFinite(score(place))) return { place, contact: place.contacts.find((contact) => contact.phone || contact.email)! };
  }
  return null;
}

/** An item of any kind by id. */
export function findItem(region: Region, kind: 'page' | 'event' | 'poi', id: string) {
  const items = kind === 'page' ? region.pages : kind === 'event' ? region.events : region.pois;
  return items.find((item) => item.id === id);
}
