import type { ContentItem, Event, Region } from '../content/model.js';
import type { AnnouncementInput } from './outbox.js';

/**
 * Automatic announcements: when a sync brings local news or events that were not there before,
 * they become announcements to the subscribers of that topic — once, thanks to their `source`.
 * The very first import is only a baseline: announcing a region's whole history would be spam.
 */

const MAX_TEXT = 900;

function excerpt(item: ContentItem): string {
  const body = item.text.sentences.map((sentence) => sentence.text).join(' ');
  const text = body.length > MAX_TEXT ? `${body.slice(0, MAX_TEXT - 1).replace(/\s+\S*$/, '')}…` : body;
  return text === '' ? item.title : `${item.title}\n\n${text}`;
}

function eventText(event: Event, language: string): string {
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'full', ...(event.allDay ? {} : { timeStyle: 'short' }), timeZone: event.timezone }).format(new Date(event.start));
  return `${excerpt(event)}\n\n🗓 ${when}`.trim();
}

/** Groups items with their translations; each group is one announcement, keyed by a stable id. */
function groups<T extends ContentItem>(items: T[], mainLanguage: string): { key: string; members: T[] }[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const result: { key: string; members: T[] }[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    const members = [item, ...Object.values(item.translations).flatMap((id) => (byId.has(id) && !seen.has(id) ? [byId.get(id)!] : []))];
    for (const member of members) seen.add(member.id);
    const anchor = members.find((member) => member.language === mainLanguage) ?? members.reduce((a, b) => (a.id < b.id ? a : b));
    result.push({ key: anchor.id, members });
  }
  return result;
}

export function newItemAnnouncements(previous: Region | undefined, next: Region): AnnouncementInput[] {
  if (previous === undefined) return [];
  const known = { news: new Set(previous.news.map((item) => item.id)), events: new Set(previous.events.map((item) => item.id)) };
  const result: AnnouncementInput[] = [];
  const base = { region: next.slug, link: null, author: 'integreat-sync', fallback: 'main' as const };
  for (const { key, members } of groups(next.news.filter((item) => !known.news.has(item.id)), next.defaultLanguage)) {
    result.push({ ...base, topic: 'news', source: `news:${next.slug}:${key}`, texts: Object.fromEntries(members.map((item) => [item.language, excerpt(item)])) });
  }
  for (const { key, members } of groups(next.events.filter((item) => !known.events.has(item.id)), next.defaultLanguage)) {
    result.push({ ...base, topic: 'events', source: `event:${next.slug}:${key}`, texts: Object.fromEntries(members.map((event) => [event.language, eventText(event, event.language)])) });
  }
  // Falling back to the main language needs a text in it; without one, subscribers get their own or nothing.
  return result.map((input) => (input.texts[next.defaultLanguage] === undefined ? { ...input, fallback: 'none' } : input));
}
