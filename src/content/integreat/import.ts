import type { z } from 'zod';
import { languageFromCode, parseDirection } from '../languages.js';
import type { Language, Region } from '../model.js';
import { ContentError, describeIssue, type ContentProblem } from '../problems.js';
import { parseSnapshot } from '../snapshot.js';
import { apiEventSchema, apiLanguageSchema, apiNewsSchema, apiPageSchema, apiPoiSchema, apiRegionSchema, type ApiEvent, type ApiNews, type ApiPage, type ApiPoi, type Endpoint } from './api.js';
import type { IntegreatSource } from './source.js';

/**
 * Loader B: a region from the Integreat CMS API v3 (live or saved), converted into Lotse's
 * snapshot format and validated like any snapshot. A malformed item is reported and skipped; a
 * missing page list fails the import, so a broken sync never replaces good content.
 */

export interface ImportProgress {
  language: string;
  endpoint: Endpoint;
  /** Steps done and total (languages × endpoints). */
  done: number;
  total: number;
  items: number;
}

export interface ImportOptions {
  source: IntegreatSource;
  region: string;
  /** Languages to import; default every language of the region. */
  languages?: string[];
  onProgress?: (progress: ImportProgress) => void;
  now?: () => Date;
}

export interface ImportResult {
  region: Region;
  problems: ContentProblem[];
}

const ENDPOINTS: Endpoint[] = ['pages', 'events', 'locations', 'news'];

function validItems<T>(raw: unknown[], schema: z.ZodType<T, unknown>, label: string, problems: ContentProblem[]): T[] {
  const items: T[] = [];
  raw.forEach((value, index) => {
    const result = schema.safeParse(value);
    if (result.success) items.push(result.data);
    else {
      const itemId = value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : `#${index}`;
      problems.push({ item: `${label} ${itemId}`, reason: describeIssue(result.error) });
    }
  });
  return items;
}

const coordinate = (value: number | string | null | undefined) => {
  const number = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
};

function pageToSnapshot(page: ApiPage, language: string, idByPath: Map<string, string>) {
  const parent = page.parent.path !== null ? (idByPath.get(page.parent.path) ?? page.parent.id) : page.parent.id;
  return {
    id: page.id,
    language,
    title: page.title,
    content_html: page.content,
    url: page.url,
    path: page.path,
    parent,
    order: page.order ?? null,
    last_updated: page.last_updated,
    translations: page.available_languages,
  };
}

function eventToSnapshot(event: ApiEvent, language: string) {
  const location = event.location;
  const place = location ? [location.name, location.address, [location.postcode, location.town].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null;
  return {
    id: event.id,
    language,
    title: event.title,
    content_html: event.content,
    url: event.url,
    last_updated: event.last_updated,
    translations: event.available_languages,
    start: event.event.start,
    end: event.event.end,
    all_day: event.event.all_day,
    timezone: event.event.timezone ?? 'Europe/Berlin',
    recurrence_rule: event.recurrence_rule ?? null,
    location_poi_id: location?.id != null ? String(location.id) : null,
    location_text: place || null,
  };
}

function poiToSnapshot(poi: ApiPoi, language: string) {
  const location = poi.location;
  const lat = coordinate(location?.latitude);
  const lon = coordinate(location?.longitude);
  return {
    id: poi.id,
    language,
    title: poi.title,
    content_html: poi.content,
    url: poi.url,
    last_updated: poi.last_updated,
    translations: poi.available_languages,
    address: { street: location?.address ?? null, postcode: location?.postcode ?? null, city: location?.town ?? null, country: location?.country ?? null },
    coordinates: lat !== null && lon !== null ? { lat, lon } : null,
    category: poi.category ? { id: poi.category.id, icon: poi.category.icon, name: poi.category.name ? { [language]: poi.category.name } : {} } : null,
    website: poi.website,
    email: poi.email,
    phone_number: poi.phone_number,
    opening_hours: poi.opening_hours && poi.opening_hours.length === 7 ? poi.opening_hours : null,
    contacts: (poi.contacts ?? []).map((contact) => ({ name: contact.name ?? contact.point_of_contact_for, phone: contact.phone_number, email: contact.email, website: contact.website })),
  };
}

function newsToSnapshot(news: ApiNews, language: string) {
  return {
    id: news.id,
    language,
    title: news.title,
    content_html: news.content,
    url: null,
    last_updated: news.last_updated ?? news.timestamp ?? news.display_date,
    translations: news.available_languages,
  };
}

async function regionLanguages(source: IntegreatSource, region: string, problems: ContentProblem[]): Promise<Language[]> {
  const listed = await source.languages(region);
  if (listed === null) return (await source.languageCodes(region)).map(languageFromCode);
  return validItems(listed, apiLanguageSchema, 'language', problems).map((language) => ({
    code: language.code,
    nativeName: language.native_name,
    dir: parseDirection(language.dir, language.code),
  }));
}

async function regionName(source: IntegreatSource, region: string): Promise<string> {
  const regions = await source.regions().catch(() => null);
  const match = (regions ?? [])
    .map((value) => apiRegionSchema.safeParse(value))
    .find((result) => result.success && result.data.path.replace(/\//g, '') === region);
  return match?.success ? match.data.name : region;
}

export async function importRegion({ source, region, languages: wanted, onProgress, now = () => new Date() }: ImportOptions): Promise<ImportResult> {
  const problems: ContentProblem[] = [];
  let languages = await regionLanguages(source, region, problems);
  if (wanted && wanted.length > 0) {
    const missing = wanted.filter((code) => !languages.some((language) => language.code === code));
    for (const code of missing) problems.push({ item: `language ${code}`, reason: 'the region does not offer this language' });
    languages = languages.filter((language) => wanted.includes(language.code));
  }
  if (languages.length === 0) throw new ContentError(`${region}: no languages to import from ${source.location}`, problems);

  const file = { region: { slug: region, name: await regionName(source, region), fetched_at: now().toISOString() }, languages: [] as object[], pages: [] as object[], events: [] as object[], pois: [] as object[], news: [] as object[] };
  const total = languages.length * ENDPOINTS.length;
  let done = 0;
  for (const language of languages) {
    const code = language.code;
    const pages = await source.items(region, code, 'pages');
    if (pages === null) {
      problems.push({ item: `language ${code}`, reason: 'no page list; language skipped' });
      done += ENDPOINTS.length;
      continue;
    }
    file.languages.push({ code, name: language.nativeName, direction: language.dir });
    const valid = validItems(pages, apiPageSchema, `page (${code})`, problems);
    const idByPath = new Map(valid.flatMap((page) => (page.path === null ? [] : [[page.path, page.id] as const])));
    file.pages.push(...valid.map((page) => pageToSnapshot(page, code, idByPath)));
    onProgress?.({ language: code, endpoint: 'pages', done: ++done, total, items: pages.length });
    for (const endpoint of ['events', 'locations', 'news'] as const) {
      let raw: unknown[] = [];
      try {
        raw = (await source.items(region, code, endpoint)) ?? [];
      } catch (error) {
        // Events, places and news are extras: a broken list costs that list, not the region.
        problems.push({ item: `${endpoint} (${code})`, reason: describeIssue(error) });
      }
      if (endpoint === 'events') file.events.push(...validItems(raw, apiEventSchema, `event (${code})`, problems).map((event) => eventToSnapshot(event, code)));
      if (endpoint === 'locations') file.pois.push(...validItems(raw, apiPoiSchema, `poi (${code})`, problems).map((poi) => poiToSnapshot(poi, code)));
      if (endpoint === 'news') file.news.push(...validItems(raw, apiNewsSchema, `news (${code})`, problems).map((news) => newsToSnapshot(news, code)));
      onProgress?.({ language: code, endpoint, done: ++done, total, items: raw.length });
    }
  }
  if (file.languages.length === 0) throw new ContentError(`${region}: no language had a page list`, problems);

  mergeCategoryNames(file.pois as ReturnType<typeof poiToSnapshot>[]);
  const parsed = parseSnapshot(file, { kind: 'integreat', location: source.location, fetchedAt: file.region.fetched_at });
  return { region: parsed.region, problems: [...problems, ...parsed.problems] };
}

/** The API names a POI's category in the request language only; collect all names per category id. */
function mergeCategoryNames(pois: ReturnType<typeof poiToSnapshot>[]): void {
  const names = new Map<string, Record<string, string>>();
  for (const poi of pois) {
    if (poi.category === null) continue;
    names.set(poi.category.id, { ...names.get(poi.category.id), ...poi.category.name });
  }
  for (const poi of pois) if (poi.category !== null) poi.category.name = names.get(poi.category.id)!;
}
