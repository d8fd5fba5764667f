import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';

/**
 * Stemmers per language: the maintained Snowball ports of @orama/stemmers where they exist, and
 * light affix strippers for Arabic and Persian, which work better for search than root
 * extraction (Larkey et al., "light10").
 */
export type Stemmer = (word: string) => string;

const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const ARABIC_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/** Light10 on already normalised text (ة→ه, ى→ي, alef forms → ا). */
export function arabicLight(word: string): string {
  let stem = word;
  if (stem.length >= 4 && stem.startsWith('و')) stem = stem.slice(1);
  for (const prefix of ARABIC_PREFIXES) {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= 2) {
      stem = stem.slice(prefix.length);
      break;
    }
  }
  for (const suffix of ARABIC_SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 2) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

// After normalisation ی is ي and ه/ۀ are ه.
const PERSIAN_SUFFIXES = ['هايي', 'هاي', 'ها', 'ترين', 'تر', 'ان', 'ات', 'يي', 'اي', 'ي'];
const PERSIAN_PREFIXES = ['مي', 'نمي'];

export function persianLight(word: string): string {
  let stem = word;
  for (const prefix of PERSIAN_PREFIXES) {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= 3) {
      stem = stem.slice(prefix.length);
      break;
    }
  }
  for (const suffix of PERSIAN_SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 2) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  return stem;
}

const STEMMERS: Record<string, Stemmer> = {
  de: german,
  en: english,
  fr: french,
  ro: romanian,
  ru: russian,
  tr: turkish,
  uk: ukrainian,
  ar: arabicLight,
  fa: persianLight,
};

const identity: Stemmer = (word) => word;

/** The stemmer for a language; words of languages without one are left as they are. */
export function stemmerFor(language: string): Stemmer {
  return STEMMERS[language.split('-')[0]!] ?? identity;
}
