import { mkdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { htmlToPlainText } from './html-text.js';
import type { ContentItem, Event, Language, NewsItem, Page, Poi, Region, RegionSource } from './model.js';
import { ContentError, describeIssue, type ContentProblem } from './problems.js';
import { integreatRecurrenceToRrule, normaliseRrule } from './recurrence.js';

/**
 * Loader A: the region snapshot JSON (schema in `../shared/data/README.md`, section 2), which is
 * also Lotse's own on-disk format in `DATA_DIR`. Items are validated one by one so that one
 * malformed page costs that page, not the region.
 */

const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const nullableString = z.string().nullish().transform((value) => value ?? null);
const translations = z
  .record(z.string(), z.union([z.string(), z.number()]).transform(String))
  .nullish()
  .transform((value) => value ?? {});

const languageSchema = z.object({
  code: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'language code like "de" or "de-si"'),
  name: z.string().min(1),
  direction: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['ltr', 'rtl', 'left_to_right', 'right_to_left']))
    .transform((value) => (value === 'rtl' || value === 'right_to_left' ? 'rtl' : 'ltr'))
    .default('ltr'),
});

const itemBase = {
  id,
  language: z.string().min(1),
  title: z.string().trim().min(1, 'empty title'),
  content_html: z.string().nullish().transform((value) => value ?? ''),
  url: nullableString,
  last_updated: nullableString,
  translations,
};

const pageSchema = z.object({
  ...itemBase,
  path: nullableString,
  parent: z.union([z.string(), z.number()]).nullish().transform((value) => (value == null ? null : String(value))),
  order: z.number().nullish().transform((value) => value ?? null),
});

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');

const recurrenceSchema = z
  .union([
    z.string().transform((value, ctx) => {
      try {
        return normaliseRrule(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: describeIssue(error) });
        return z.NEVER;
      }
    }),
    z
      .object({ frequency: z.string() })
      .loose()
      .transform((value, ctx) => {
        try {
          return integreatRecurrenceToRrule(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: describeIssue(error) });
          return z.NEVER;
        }
      }),
  ])
  .nullish()
  .transform((value) => value ?? null);

const eventSchema = z
  .object({
    ...itemBase,
    start: isoDate,
    end: isoDate,
    all_day: z.boolean().default(false),
    timezone: z.string().default('Europe/Berlin'),
    recurrence_rule: recurrenceSchema,
    location_poi_id: z.union([z.string(), z.number()]).nullish().transform((value) => (value == null ? null : String(value))),
    location_text: nullableString,
  })
  .refine((event) => Date.parse(event.end) >= Date.parse(event.start), { message: 'event ends before it starts' });

const timeOfDay = z.string().regex(/^\d{1,2}:\d{2}(:\d{2})?$/, 'time like "09:30"').transform((value) => value.slice(0, 5));
const dayHours = z.object({
  allDay: z.boolean().default(false),
  closed: z.boolean().default(false),
  appointmentOnly: z.boolean().default(false),
  timeSlots: z.array(z.object({ start: timeOfDay, end: timeOfDay })).default([]),
});

const poiSchema = z.object({
  ...itemBase,
  address: z
    .object({ street: nullableString, postcode: nullableString, city: nullableString, country: nullableString })
    .nullish()
    .transform((value) => value ?? { street: null, postcode: null, city: null, country: null }),
  coordinates: z
    .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .nullish()
    .transform((value) => value ?? null),
  category: z
    .object({
      id: z.union([z.string(), z.number()]).transform(String),
      icon: nullableString,
      name: z.record(z.string(), z.string()).nullish().transform((value) => value ?? {}),
    })
    .nullish()
    .transform((value) => (value ? { id: value.id, icon: value.icon, names: value.name } : null)),
  website: nullableString,
  email: nullableString,
  phone_number: nullableString,
  opening_hours: z.array(dayHours).length(7, 'opening hours need 7 days').nullish().transform((value) => value ?? null),
  contacts: z
    .array(z.object({ name: nullableString, phone: nullableString, email: nullableString, website: nullableString }))
    .default([]),
});

const regionFileSchema = z.object({
  region: z
    .object({
      slug: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'slug of lower-case letters, digits, - and _'),
      name: z.string().min(1),
      default_language: z.string().optional(),
      fetched_at: z.string().optional(),
    })
    .loose(),
  languages: z.array(z.unknown()).min(1, 'a region needs at least one language'),
  pages: z.array(z.unknown()).default([]),
  events: z.array(z.unknown()).default([]),
  pois: z.array(z.unknown()).default([]),
  news: z.array(z.unknown()).default([]),
});

export interface LoadedRegion {
  region: Region;
  problems: ContentProblem[];
}

type Schema<T> = z.ZodType<T, unknown>;

function parseItems<T extends { id: string; language: string }>(
  kind: string,
  raw: unknown[],
  schema: Schema<T>,
  languages: Set<string>,
  problems: ContentProblem[],
): T[] {
  const items: T[] = [];
  const seen = new Set<string>();
  raw.forEach((value, index) => {
    const result = schema.safeParse(value);
    const label = describeItem(kind, value, index);
    if (!result.success) {
      problems.push({ item: label, reason: describeIssue(result.error) });
    } else if (!languages.has(result.data.language)) {
      problems.push({ item: label, reason: `language "${result.data.language}" is not one of the region's languages` });
    } else if (seen.has(result.data.id)) {
      problems.push({ item: label, reason: 'duplicate id' });
    } else {
      seen.add(result.data.id);
      items.push(result.data);
    }
  });
  return items;
}

function describeItem(kind: string, value: unknown, index: number): string {
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const itemId = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `#${index}`;
  const language = typeof record.language === 'string' ? ` (${record.language})` : '';
  return `${kind} ${itemId}${language}`;
}

/** Keeps only translation links to items of that language that exist; reports the rest. */
function linkTranslations<T extends { id: string; language: string; translations: Record<string, string> }>(
  kind: string,
  items: T[],
  problems: ContentProblem[],
): void {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of items) {
    for (const [language, targetId] of Object.entries(item.translations)) {
      const target = byId.get(targetId);
      // Links to languages that are not in this file are normal (the CMS has more languages).
      if (target !== undefined && target.language === language && language !== item.language) continue;
      delete item.translations[language];
      if (target !== undefined && target.language !== language) {
        problems.push({ item: `${kind} ${item.id} (${item.language})`, reason: `translation "${language}" points to ${targetId}, which is in ${target.language}` });
      }
    }
  }
}

/** The fields every kind of item shares, with the HTML converted to text once. */
function contentItem(item: { id: string; language: string; title: string; content_html: string; last_updated: string | null; url: string | null; translations: Record<string, string> }): ContentItem {
  return {
    id: item.id,
    language: item.language,
    title: item.title,
    html: item.content_html,
    text: htmlToPlainText(item.content_html, item.language),
    lastUpdated: item.last_updated,
    url: item.url,
    translations: item.translations,
  };
}

/** Validates a parsed snapshot JSON into a Region; throws ContentError when nothing usable remains. */
export function parseSnapshot(json: unknown, source: RegionSource): LoadedRegion {
  const file = regionFileSchema.safeParse(json);
  if (!file.success) throw new ContentError(`not a region snapshot: ${describeIssue(file.error)}`);
  const problems: ContentProblem[] = [];

  const languages: Language[] = [];
  file.data.languages.forEach((value, index) => {
    const result = languageSchema.safeParse(value);
    if (result.success) languages.push({ code: result.data.code, nativeName: result.data.name, dir: result.data.direction });
    else problems.push({ item: `language #${index}`, reason: describeIssue(result.error) });
  });
  if (languages.length === 0) throw new ContentError('region has no valid language', problems);
  const codes = new Set(languages.map((language) => language.code));

  const pages = parseItems('page', file.data.pages, pageSchema, codes, problems);
  const events = parseItems('event', file.data.events, eventSchema, codes, problems);
  const pois = parseItems('poi', file.data.pois, poiSchema, codes, problems);
  const news = parseItems('news', file.data.news, z.object(itemBase), codes, problems);
  for (const [kind, items] of [['page', pages], ['event', events], ['poi', pois], ['news', news]] as const) {
    linkTranslations(kind, items as { id: string; language: string; translations: Record<string, string> }[], problems);
  }

  const pageIds = new Map(pages.map((page) => [page.id, page.language]));
  const poiIds = new Set(pois.map((poi) => poi.id));
  const requested = file.data.region.default_language;
  const defaultLanguage = requested && codes.has(requested) ? requested : codes.has('de') ? 'de' : languages[0]!.code;

  const region: Region = {
    slug: file.data.region.slug,
    name: file.data.region.name,
    languages,
    defaultLanguage,
    source: { ...source, fetchedAt: source.fetchedAt ?? file.data.region.fetched_at ?? null },
    pages: pages.map((page): Page => {
      let parent = page.parent;
      if (parent !== null && pageIds.get(parent) !== page.language) {
        if (parent !== '0') problems.push({ item: `page ${page.id} (${page.language})`, reason: `parent ${parent} not found; shown as a top-level page` });
        parent = null;
      }
      return {
        ...contentItem(page),
        path: page.path,
        parent,
        order: page.order,
      };
    }),
    events: events.map((event): Event => {
      let locationPoiId = event.location_poi_id;
      if (locationPoiId !== null && !poiIds.has(locationPoiId)) {
        // Integreat exports only places shown on the map; an event's address text still says where.
        if (!event.location_text) problems.push({ item: `event ${event.id} (${event.language})`, reason: `location ${locationPoiId} not found` });
        locationPoiId = null;
      }
      return {
        ...contentItem(event),
        start: event.start,
        end: event.end,
        allDay: event.all_day,
        timezone: event.timezone,
        recurrence: event.recurrence_rule,
        locationPoiId,
        locationText: event.location_text,
      };
    }),
    pois: pois.map((poi): Poi => {
      const contacts = [...poi.contacts];
      if (poi.phone_number || poi.email || poi.website) {
        contacts.unshift({ name: null, phone: poi.phone_number, email: poi.email, website: poi.website });
      }
      return {
        ...contentItem(poi),
        address: poi.address,
        coordinates: poi.coordinates,
        category: poi.category,
        openingHours: poi.opening_hours,
        contacts,
      };
    }),
    news: news.map((item): NewsItem => contentItem(item)),
  };
  return { region, problems };
}

/** Reads and validates a snapshot file. */
export async function readSnapshot(file: string): Promise<LoadedRegion> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ContentError(`cannot read ${file}: ${describeIssue(error)}`);
  }
  return parseSnapshot(json, { kind: 'snapshot', location: file, fetchedAt: null });
}

/** The snapshot JSON of a region: the inverse of `parseSnapshot`. */
export function toSnapshotJson(region: Region): object {
  const item = (value: Page | Event | Poi | NewsItem) => ({
    id: value.id,
    language: value.language,
    title: value.title,
    content_html: value.html,
    url: value.url,
    last_updated: value.lastUpdated,
    translations: value.translations,
  });
  return {
    region: {
      slug: region.slug,
      name: region.name,
      default_language: region.defaultLanguage,
      fetched_at: region.source.fetchedAt ?? undefined,
      source: { kind: region.source.kind, location: region.source.location },
    },
    languages: region.languages.map((language) => ({ code: language.code, name: language.nativeName, direction: language.dir })),
    pages: region.pages.map((page) => ({ ...item(page), path: page.path, parent: page.parent, order: page.order })),
    events: region.events.map((event) => ({
      ...item(event),
      start: event.start,
      end: event.end,
      all_day: event.allDay,
      timezone: event.timezone,
      recurrence_rule: event.recurrence,
      location_poi_id: event.locationPoiId,
      location_text: event.locationText,
    })),
    pois: region.pois.map((poi) => ({
      ...item(poi),
      address: poi.address,
      coordinates: poi.coordinates,
      category: poi.category && { id: poi.category.id, icon: poi.category.icon, name: poi.category.names },
      opening_hours: poi.openingHours,
      contacts: poi.contacts,
    })),
    news: region.news.map(item),
  };
}

/**
 * Writes a snapshot atomically: a temp file in the same directory, then rename, so a crash or a
 * failed import never leaves a half-written file where the last good snapshot was.
 */
export async function writeSnapshot(region: Region, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(toSnapshotJson(region)));
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
