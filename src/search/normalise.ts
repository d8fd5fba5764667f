/**
 * Script-aware normalisation: maps the many ways people type the same word onto one form,
 * for the index and the query alike. Pure functions, no I/O.
 *
 * What is folded and why:
 * - Arabic/Persian: harakat and tatweel are optional in writing; alef forms (أ إ آ ٱ), yeh/kaf
 *   variants (ي/ی/ى, ك/ک) and ta marbuta (ة/ه) vary by keyboard and habit.
 * - Persian zero-width non-joiner (می‌خواهم) is typed, omitted or replaced by a space.
 * - Ukrainian apostrophes (’ ʼ ' `) appear in several code points or not at all; ґ is often typed as г.
 * - Latin diacritics and ß are dropped *after* stemming (see `foldDiacritics`), so the stemmers still
 *   see real words, while "fuhrerschein" and "Führerschein" meet in the index.
 * - Turkish dotted/dotless i: phones often type one for the other.
 */

const ARABIC_DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g; // harakat, Quranic marks, tatweel
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g; // ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen
const APOSTROPHES = /['’ʼ`´‘ʹ]/g;

const ARABIC_LETTERS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ئ': 'ي',
  'ک': 'ك', 'ڪ': 'ك',
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه',
  'ؤ': 'و',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
};
const ARABIC_LETTER_PATTERN = new RegExp(`[${Object.keys(ARABIC_LETTERS).join('')}]`, 'g');

const LATIN_SPECIAL: Record<string, string> = { 'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ı': 'i', 'ð': 'd', 'þ': 'th' };
const LATIN_SPECIAL_PATTERN = new RegExp(`[${Object.keys(LATIN_SPECIAL).join('')}]`, 'g');

/** Lower-cases with the language's rules (Turkish İ/I) and unifies script variants. Keeps diacritics. */
export function normaliseText(text: string, language?: string): string {
  const lower = language === 'tr' || language === 'az' ? text.toLocaleLowerCase('tr') : text.toLowerCase();
  return lower
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(ARABIC_DIACRITICS, '')
    .replace(ARABIC_LETTER_PATTERN, (letter) => ARABIC_LETTERS[letter] ?? letter)
    .replace(/ґ/g, 'г')
    .replace(/ё/g, 'е')
    .replace(/(\p{Script=Cyrillic})['’ʼ`´‘ʹ](?=\p{Script=Cyrillic})/gu, '$1')
    .replace(APOSTROPHES, "'");
}

/** Drops Latin diacritics (ü→u, ş→s, é→e, ß→ss, ı→i). Leaves other scripts untouched. */
export function foldDiacritics(term: string): string {
  if (!/[^\u0000-\u007f]/.test(term)) return term;
  return term
    .replace(LATIN_SPECIAL_PATTERN, (letter) => LATIN_SPECIAL[letter] ?? letter)
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');
}

export type Script = 'latin' | 'arabic' | 'cyrillic' | 'greek' | 'other';

/** The script of a word, by its first letter. */
export function scriptOf(word: string): Script {
  const first = word.charCodeAt(0);
  if ((first >= 97 && first <= 122) || (first >= 65 && first <= 90)) return 'latin';
  const letter = /\p{L}/u.exec(word)?.[0];
  if (letter === undefined) return 'other';
  if (/\p{Script=Latin}/u.test(letter)) return 'latin';
  if (/\p{Script=Arabic}/u.test(letter)) return 'arabic';
  if (/\p{Script=Cyrillic}/u.test(letter)) return 'cyrillic';
  if (/\p{Script=Greek}/u.test(letter)) return 'greek';
  return 'other';
}

const LANGUAGE_SCRIPT: Record<string, Script> = { ar: 'arabic', fa: 'arabic', ur: 'arabic', ps: 'arabic', ckb: 'arabic', uk: 'cyrillic', ru: 'cyrillic', bg: 'cyrillic', sr: 'cyrillic', mk: 'cyrillic', el: 'greek', am: 'other', ti: 'other' };

/** The script a language is usually written in. */
export function scriptOfLanguage(language: string): Script {
  return LANGUAGE_SCRIPT[language] ?? LANGUAGE_SCRIPT[language.split('-')[0]!] ?? 'latin';
}

/**
 * Splits normalised text into words: runs of letters, marks and digits. Apostrophes inside a word
 * are dropped ("l'école" → "l", "école"; "aujourd'hui" stays one word only in its folded form).
 */
export function splitWords(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}
