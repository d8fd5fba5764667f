/**
 * Lotse's content model: what a region publishes, independent of where it came from
 * (a snapshot file, the Integreat CMS API, the embedded demo region).
 *
 * Everything is keyed by language: a page in German and its Arabic translation are two
 * `Page` objects that point at each other through `translations`.
 */

export type TextDirection = 'ltr' | 'rtl';

export interface Language {
  /** ISO 639-1 code as Integreat uses it, e.g. `de`, `ar`, `fa`. */
  code: string;
  /** The language's name in itself, e.g. `العربية`; shown on language buttons. */
  nativeName: string;
  dir: TextDirection;
}

/** One block of a page's text after HTML→text: a heading, paragraph, list item or table cell. */
export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'cell';
  text: string;
}

/** Plain text of a page, kept with its sentence boundaries so answers can quote sentences. */
export interface PlainText {
  blocks: TextBlock[];
  /** Sentences in reading order; each knows the block it came from. */
  sentences: Sentence[];
  /** Link targets found in the HTML, in order (absolute or as written). */
  links: { text: string; href: string }[];
}

export interface Sentence {
  text: string;
  /** Index into `PlainText.blocks`. */
  block: number;
}

export interface ContentItem {
  /** Unique inside a region's snapshot. */
  id: string;
  language: string;
  title: string;
  html: string;
  text: PlainText;
  /** ISO 8601, or null when the source does not say. */
  lastUpdated: string | null;
  /** Public URL of the item (Integreat web app), or null. */
  url: string | null;
  /** language → id of the same item in that language. */
  translations: Record<string, string>;
}

export interface Page extends ContentItem {
  /** Integreat path, e.g. `/augsburg/de/willkommen/`, or null. */
  path: string | null;
  /** Id of the parent page in the same language, or null for a root page. */
  parent: string | null;
  order: number | null;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface Address {
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
}

export interface TimeSlot {
  start: string; // "HH:MM"
  end: string;
}

/** One weekday's opening hours; index 0 of `Poi.openingHours` is Monday, as in Integreat. */
export interface DayHours {
  allDay: boolean;
  closed: boolean;
  appointmentOnly: boolean;
  timeSlots: TimeSlot[];
}

export interface Category {
  id: string;
  /** Icon name as Integreat uses it (e.g. `health`), if known. */
  icon: string | null;
  /** language → name of the category. */
  names: Record<string, string>;
}

export interface Contact {
  name: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

export interface Poi extends ContentItem {
  address: Address;
  coordinates: GeoPoint | null;
  category: Category | null;
  /** Seven days starting Monday, or null when unknown. */
  openingHours: DayHours[] | null;
  contacts: Contact[];
}

export interface Event extends ContentItem {
  /** ISO 8601 start of the first occurrence. */
  start: string;
  end: string;
  allDay: boolean;
  /** IANA time zone the event's wall-clock times are meant in. */
  timezone: string;
  /** RFC 5545 RRULE (without `RRULE:` prefix), or null for a one-off event. */
  recurrence: string | null;
  /** Id of a `Poi` in the same language, if the event happens at a known place. */
  locationPoiId: string | null;
  /** Free-text location when there is no POI. */
  locationText: string | null;
}

/** A local news item ("Neuigkeiten"): announcements that the municipality publishes in Integreat. */
export type NewsItem = ContentItem;

export interface Region {
  slug: string;
  name: string;
  languages: Language[];
  /** The region's main language: content is written there first and used as fallback. */
  defaultLanguage: string;
  pages: Page[];
  events: Event[];
  pois: Poi[];
  news: NewsItem[];
  /** Where the content came from, for `/healthz` and the console. */
  source: RegionSource;
}

export interface RegionSource {
  kind: 'snapshot' | 'integreat' | 'demo';
  /** File path or base URL. */
  location: string;
  /** When the content was taken (ISO 8601), if known. */
  fetchedAt: string | null;
}

export type SearchableItem = Page | Event | Poi;
export type ItemKind = 'page' | 'event' | 'poi';
