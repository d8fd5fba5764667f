import { z } from 'zod';

/**
 * Shapes of the Integreat CMS API v3 responses, as the Integreat app reads them. Only the fields
 * Lotse uses are declared; everything else passes through untouched. Items are validated one by
 * one later, so these schemas describe the envelope (an array of objects), not each item.
 */

const id = z.union([z.number().int(), z.string().min(1)]).transform(String);
const text = z.string().nullish().transform((value) => value ?? '');
const optionalText = z.string().nullish().transform((value) => (value === undefined || value === null || value === '' ? null : value));

export const apiLanguageSchema = z
  .object({
    code: z.string().min(1),
    bcp47_tag: z.string().nullish(),
    native_name: z.string().min(1),
    dir: z.string().default('ltr'),
  })
  .loose();

export const apiRegionSchema = z
  .object({
    name: z.string().min(1),
    path: z.string().min(1),
    live: z.boolean().optional(),
  })
  .loose();

const availableLanguages = z
  .record(z.string(), z.object({ id: id }).loose())
  .nullish()
  .transform((value) => Object.fromEntries(Object.entries(value ?? {}).map(([language, target]) => [language, target.id])));

const common = {
  id,
  url: optionalText,
  path: optionalText,
  title: z.string(),
  content: text,
  last_updated: optionalText,
  available_languages: availableLanguages,
};

export const apiPageSchema = z
  .object({
    ...common,
    // The parent's `id` is the CMS page id, not the id of its translation that `id` fields
    // elsewhere use; its `path` identifies the parent translation reliably.
    parent: z
      .object({ id: z.union([z.number(), z.string()]).nullish(), path: z.string().nullish() })
      .loose()
      .nullish()
      .transform((value) => ({
        id: value?.id == null || String(value.id) === '0' ? null : String(value.id),
        path: value?.path ?? null,
      })),
    order: z.number().nullish(),
  })
  .loose();

const apiAddressSchema = z
  .object({
    id: z.union([z.number(), z.string()]).nullish(),
    name: optionalText,
    address: optionalText,
    town: optionalText,
    postcode: optionalText,
    country: optionalText,
    latitude: z.union([z.number(), z.string()]).nullish(),
    longitude: z.union([z.number(), z.string()]).nullish(),
  })
  .loose();

export const apiEventSchema = z
  .object({
    ...common,
    event: z
      .object({
        start: z.string(),
        end: z.string(),
        all_day: z.boolean().default(false),
        timezone: z.string().nullish(),
      })
      .loose(),
    recurrence_rule: z.string().nullish(),
    location: apiAddressSchema.nullish(),
  })
  .loose();

const timeSlot = z.object({ start: z.string(), end: z.string() }).loose();

export const apiPoiSchema = z
  .object({
    ...common,
    website: optionalText,
    email: optionalText,
    phone_number: optionalText,
    category: z
      .object({ id, name: optionalText, color: optionalText, icon: optionalText })
      .loose()
      .nullish(),
    opening_hours: z
      .array(
        z
          .object({
            allDay: z.boolean().default(false),
            closed: z.boolean().default(false),
            appointmentOnly: z.boolean().default(false),
            timeSlots: z.array(timeSlot).default([]),
          })
          .loose(),
      )
      .nullish(),
    location: apiAddressSchema.nullish(),
    contacts: z
      .array(
        z
          .object({
            name: optionalText,
            point_of_contact_for: optionalText,
            email: optionalText,
            phone_number: optionalText,
            website: optionalText,
          })
          .loose(),
      )
      .nullish(),
  })
  .loose();

export const apiNewsSchema = z
  .object({
    id,
    title: z.string(),
    content: text,
    last_updated: optionalText,
    timestamp: optionalText,
    display_date: optionalText,
    available_languages: availableLanguages,
  })
  .loose();

export type ApiLanguage = z.infer<typeof apiLanguageSchema>;
export type ApiRegion = z.infer<typeof apiRegionSchema>;
export type ApiPage = z.infer<typeof apiPageSchema>;
export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiPoi = z.infer<typeof apiPoiSchema>;
export type ApiNews = z.infer<typeof apiNewsSchema>;

/** The API paths, relative to `{base}/api/v3/`. The same layout is used for saved responses on disk. */
export const endpoints = {
  regions: () => 'regions/',
  languages: (region: string) => `${region}/languages/`,
  pages: (region: string, language: string) => `${region}/${language}/pages/`,
  events: (region: string, language: string) => `${region}/${language}/events/?combine_recurring=True`,
  locations: (region: string, language: string) => `${region}/${language}/locations/?on_map=1`,
  news: (region: string, language: string) => `${region}/${language}/news/?source=local`,
};

export type Endpoint = 'pages' | 'events' | 'locations' | 'news';
