import { readFileSync } from 'node:fs';
import type { Request } from 'express';
import { resolvePackagePath } from '../paths.js';

/** The console's own texts (`locales/<lang>/console.json`), in German and English. */
export const CONSOLE_LANGUAGES = ['de', 'en'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

const cache = new Map<string, Record<string, unknown>>();

export function consoleTexts(language: ConsoleLanguage): Record<string, unknown> {
  let texts = cache.get(language);
  if (texts === undefined) cache.set(language, (texts = JSON.parse(readFileSync(resolvePackagePath('locales', language, 'console.json'), 'utf8')) as Record<string, unknown>));
  return texts;
}

/** `?lang=de`, else the browser's preference, else English. */
export function consoleLanguage(request: Request): ConsoleLanguage {
  const asked = typeof request.query.lang === 'string' ? request.query.lang : '';
  if ((CONSOLE_LANGUAGES as readonly string[]).includes(asked)) return asked as ConsoleLanguage;
  return request.acceptsLanguages('de', 'en') === 'de' ? 'de' : 'en';
}

/** A text by dotted key, with {{placeholders}} filled in. */
export function consoleText(language: ConsoleLanguage, key: string, values: Record<string, string | number> = {}): string {
  let value: unknown = consoleTexts(language);
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  const text = typeof value === 'string' ? value : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
}
