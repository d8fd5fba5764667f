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
