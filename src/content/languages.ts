import type { Language, TextDirection } from './model.js';

/**
 * What Lotse knows about languages by itself: native names and writing direction, for sources
 * that only give a code (saved API folders, user language hints).
 */
const NATIVE_NAMES: Record<string, string> = {
  de: 'Deutsch', en: 'English', ar: 'العربية', fa: 'فارسی', uk: 'Українська', tr: 'Türkçe', ru: 'Русский',
  fr: 'Français', ro: 'Română', pl: 'Polski', bg: 'Български', el: 'Ελληνικά', hr: 'Hrvatski', hu: 'Magyar',
  it: 'Italiano', es: 'Español', pt: 'Português', sq: 'Shqip', sr: 'Српски', ku: 'Kurdî', kmr: 'Kurmancî',
  ckb: 'کوردی', ps: 'پښتو', prs: 'دری', ur: 'اردو', ti: 'ትግርኛ', am: 'አማርኛ', so: 'Soomaali', vi: 'Tiếng Việt',
  zh: '中文', 'de-si': 'Deutsch (Leichte Sprache)',
};

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'prs', 'ps', 'ur', 'ckb', 'he', 'yi', 'dv', 'ug']);

export function directionOf(code: string): TextDirection {
  return RIGHT_TO_LEFT.has(code.split('-')[0]!) ? 'rtl' : 'ltr';
}

/** Integreat writes direction as `ltr`/`rtl` or `LEFT_TO_RIGHT`/`RIGHT_TO_LEFT`. */
export function parseDirection(value: string | null | undefined, code: string): TextDirection {
  const normalised = (value ?? '').toLowerCase();
  if (normalised === 'rtl' || normalised === 'right_to_left') return 'rtl';
  if (normalised === 'ltr' || normalised === 'left_to_right') return 'ltr';
  return directionOf(code);
}

export function languageFromCode(code: string): Language {
  return { code, nativeName: NATIVE_NAMES[code] ?? code, dir: directionOf(code) };
}

/**
 * Languages that many speakers of a language also read, best first. Dari and Persian are one
 * written language; Kurmanji speakers mostly went to school in Turkish; many Russian speakers
 * among newcomers come from Ukraine and read Ukrainian, and Ukrainians read Russian.
 */
const ALSO_READ: Record<string, string[]> = {
  prs: ['fa'],
  fa: ['prs'],
  ps: ['fa', 'prs'],
  ru: ['uk'],
  uk: ['ru'],
  be: ['ru', 'uk'],
  kmr: ['tr'],
  ku: ['tr'],
  ckb: ['ar', 'fa'],
  ur: ['en'],
  'de-si': ['de'],
};

/**
 * The languages to show a user content in, best first, among those available: their own, the
 * ones they likely also read, English (the language newcomers most often read besides their
 * own), and the region's main language, whose pages are the originals.
 */
export function readingOrder(language: string, available: readonly string[], main: string): string[] {
  const wanted = [language, ...(ALSO_READ[language] ?? ALSO_READ[language.split('-')[0]!] ?? []), 'en', main];
  return [...new Set(wanted)].filter((code) => available.includes(code));
}
