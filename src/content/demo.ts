import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { resolvePackagePath } from '../paths.js';
import type { Region } from './model.js';
import { ContentError } from './problems.js';
import { parseSnapshot } from './snapshot.js';

/**
 * The embedded demo region "Musterstadt", written by the Lotse team. Its structure (page tree,
 * places, events) lives in `region.json`, its texts in one file per language keyed by the same
 * keys, so translations are linked by construction. It is assembled into the ordinary snapshot
 * format and validated like any imported region.
 */

export const DEMO_DIR = resolvePackagePath('src/content/demo/musterstadt');

const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
const day = z.object({
  allDay: z.boolean(),
  closed: z.boolean(),
  appointmentOnly: z.boolean(),
  timeSlots: z.array(z.object({ start: z.string(), end: z.string() })),
});

const structureSchema = z.object({
  slug: key,
  defaultLanguage: z.string(),
  languages: z.array(z.object({ code: z.string(), nativeName: z.string(), dir: z.enum(['ltr', 'rtl']) })).min(1),
  categories: z.array(z.object({ key, icon: z.string() })),
  pages: z.array(z.object({ key, parent: key.nullable() })),
  events: z.array(
    z.object({
      key,
      /** "+N"/"-N" days from today, or an ISO date. */
      date: z.string(),
      time: z.string().optional(),
      endTime: z.string().optional(),
      allDay: z.boolean().optional(),
      recurrence: z.string().nullish(),
      place: key.nullish(),
    }),
  ),
  places: z.array(
    z.object({
      key,
      category: key,
      coordinates: z.object({ lat: z.number(), lon: z.number() }),
      address: z.object({ street: z.string(), postcode: z.string(), city: z.string(), country: z.string() }),
      openingHours: z.array(day).length(7).nullable(),
      contacts: z.array(z.object({ name: z.string().nullish(), phone: z.string().nullish(), email: z.string().nullish(), website: z.string().nullish() })),
    }),
  ),
});

const text = z.object({ title: z.string(), html: z.string() });
const textsSchema = z.object({
  name: z.string().optional(),
  pages: z.record(z.string(), text),
  events: z.record(z.string(), text),
  places: z.record(z.string(), text),
  categories: z.record(z.string(), z.string()),
});

export type DemoStructure = z.infer<typeof structureSchema>;
export type DemoTexts = z.infer<typeof textsSchema>;

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Local date (YYYY-MM-DD) `offset` days from `today`. */
function dateFrom(spec: string, today: Date): string {
  if (!/^[+-]\d+$/.test(spec)) return spec;
  const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + Number(spec));
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Offset of Europe/Berlin at a local date and time, as "+01:00" or "+02:00". */
const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * Moves a recurring event's first date forward to a day its rule allows ("FREQ=WEEKLY;BYDAY=WE"
 * starting on a Monday would otherwise make that Monday an occurrence, per RFC 5545).
 */
function alignToRule(date: string, rule: string | null | undefined): string {
  const days = /BYDAY=([^;]+)/.exec(rule ?? '')?.[1]?.split(',');
  if (!days || days.some((day) => !WEEKDAY_CODES.includes(day))) return date;
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  for (let offset = 0; offset < 7; offset++) {
    const candidate = new Date(Date.UTC(year, month - 1, dayOfMonth + offset));
    if (days.includes(WEEKDAY_CODES[candidate.getUTCDay()]!)) return candidate.toISOString().slice(0, 10);
  }
  return date;
}

function berlinOffset(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

function berlinTime(date: string, time: string): string {
  return `${date}T${time}:00${berlinOffset(date, time)}`;
}

/** Builds the snapshot JSON of the demo region from its structure and texts. */
export function assembleDemo(structure: DemoStructure, texts: Record<string, DemoTexts>, today: Date): object {
  const languages = structure.languages.map((language) => language.code);
  const id = (itemKey: string, language: string) => `${itemKey}@${language}`;
  const translations = (itemKey: string, language: string) =>
    Object.fromEntries(languages.filter((other) => other !== language).map((other) => [other, id(itemKey, other)]));
  const parents = new Map(structure.pages.map((page) => [page.key, page.parent]));
  const pathOf = (pageKey: string): string[] => {
    const parent = parents.get(pageKey);
    return parent ? [...pathOf(parent), pageKey] : [pageKey];
  };
  const order = new Map<string, number>();
  const siblings = new Map<string | null, number>();
  for (const page of structure.pages) {
    const position = siblings.get(page.parent) ?? 0;
    order.set(page.key, position);
    siblings.set(page.parent, position + 1);
  }
  const categoryNames = (categoryKey: string) => Object.fromEntries(languages.map((language) => [language, texts[language]!.categories[categoryKey] ?? categoryKey]));
  const categories = new Map(structure.categories.map((category) => [category.key, category]));

  const textOf = (language: string, kind: 'pages' | 'events' | 'places', itemKey: string) => {
    const value = texts[language]![kind][itemKey];
    if (value === undefined) throw new ContentError(`demo region: ${kind} "${itemKey}" has no ${language} text`);
    return value;
  };

  return {
    region: { slug: structure.slug, name: texts[structure.defaultLanguage]?.name ?? 'Musterstadt', default_language: structure.defaultLanguage },
    languages: structure.languages.map((language) => ({ code: language.code, name: language.nativeName, direction: language.dir })),
    pages: languages.flatMap((language) =>
      structure.pages.map((page) => {
        const { title, html } = textOf(language, 'pages', page.key);
        return {
          id: id(page.key, language),
          language,
          title,
          content_html: html,
          path: `/${structure.slug}/${language}/${pathOf(page.key).join('/')}/`,
          parent: page.parent ? id(page.parent, language) : null,
          order: order.get(page.key),
          url: null,
          last_updated: null,
          translations: translations(page.key, language),
        };
      }),
    ),
    events: languages.flatMap((language) =>
      structure.events.map((event) => {
        const { title, html } = textOf(language, 'events', event.key);
        const date = alignToRule(dateFrom(event.date, today), event.recurrence);
        const allDay = event.allDay === true || event.time === undefined;
        return {
          id: id(event.key, language),
          language,
          title,
          content_html: html,
          start: allDay ? berlinTime(date, '00:00') : berlinTime(date, event.time!),
          end: allDay ? berlinTime(date, '23:59') : berlinTime(date, event.endTime ?? event.time!),
          all_day: allDay,
          timezone: 'Europe/Berlin',
          recurrence_rule: event.recurrence ?? null,
          location_poi_id: event.place ? id(event.place, language) : null,
          url: null,
          last_updated: null,
          translations: translations(event.key, language),
        };
      }),
    ),
    pois: languages.flatMap((language) =>
      structure.places.map((place) => {
        const { title, html } = textOf(language, 'places', place.key);
        return {
          id: id(place.key, language),
          language,
          title,
          content_html: html,
          address: place.address,
          coordinates: place.coordinates,
          category: { id: place.category, icon: categories.get(place.category)?.icon ?? null, name: categoryNames(place.category) },
          opening_hours: place.openingHours,
          contacts: place.contacts.map((contact) => ({ name: contact.name ?? null, phone: contact.phone ?? null, email: contact.email ?? null, website: contact.website ?? null })),
          url: null,
          last_updated: null,
          translations: translations(place.key, language),
        };
      }),
    ),
  };
}

/** Reads the demo region's files; throws when a file or text is missing. */
export function readDemoFiles(dir = DEMO_DIR): { structure: DemoStructure; texts: Record<string, DemoTexts> } {
  const structure = structureSchema.parse(readJson(path.join(dir, 'region.json')));
  const texts: Record<string, DemoTexts> = {};
  for (const { code } of structure.languages) texts[code] = textsSchema.parse(readJson(path.join(dir, `${code}.json`)));
  return { structure, texts };
}

/** The demo region, with its one-off events dated relative to `today`. */
export function loadDemoRegion(today = new Date(), dir = DEMO_DIR): Region {
  const { structure, texts } = readDemoFiles(dir);
  const { region, problems } = parseSnapshot(assembleDemo(structure, texts, today), { kind: 'demo', location: dir, fetchedAt: null });
  if (problems.length > 0) {
    throw new ContentError(`demo region has ${problems.length} problems: ${problems.slice(0, 3).map((problem) => `${problem.item}: ${problem.reason}`).join('; ')}`, problems);
  }
  return region;
}
