import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';

/**
 * Stemmers per language: the maintained Snowball ports of @orama/stemmers where they exist,
 * light affix strippers for Arabic, Persian and Polish, which work better for search than root
 * extraction (Larkey et al., "light10"), and a five-letter prefix for Turkish.
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

/**
 * Turkish glues suffix chains onto words ("öğrenebilirim", "kaydettirebilir miyim") that
 * Snowball's noun-suffix rules do not reach, and phones often drop its letters (ı, ş, ğ). The
 * first five letters of the folded word are a strong Turkish stem: Can et al., "Information
 * retrieval on Turkish texts" (JASIST 2008), found this fixed-prefix stemming as effective as
 * lemmatisation. Snowball's noun-suffix rules run first, for short roots ("kursları" → "kurs").
 */
export function turkishPrefix(word: string): string {
  // Snowball first strips the noun suffixes it knows ("kursları" → "kurs"), which the prefix alone would keep.
  const folded = stripTurkishVerb(foldTurkish(turkish(word)));
  return folded.length > TURKISH_PREFIX ? folded.slice(0, TURKISH_PREFIX) : folded;
}

/**
 * Verb endings Snowball leaves (it knows noun suffixes only), on folded text: progressive
 * (-iyor, spoken -iyo), past (-di, -miş), infinitive (-mek), ability (-ebil…), with the person
 * after them — so "dövüyo", "dövdü" and "dövmek" share "döv". A root keeps at least three letters.
 */
const TURKISH_VERB_ENDINGS = [
  'ebilirim', 'abilirim', 'ebilir', 'abilir', 'ebilecek', 'abilecek',
  'iyorum', 'iyoruz', 'iyorsun', 'iyorlar', 'uyorum', 'uyoruz', 'uyor', 'iyor', 'iyom', 'iyo', 'uyo',
  'mistim', 'mislar', 'misler', 'mis', 'mus',
  'dim', 'dik', 'din', 'diniz', 'diler', 'tim', 'tik', 'dum', 'duk', 'dular', 'tum', 'tuk', 'di', 'du', 'ti', 'tu',
  'mek', 'mak', 'meli', 'mali',
].sort((a, b) => b.length - a.length);

function stripTurkishVerb(word: string): string {
  for (const ending of TURKISH_VERB_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  }
  return word;
}

const TURKISH_PREFIX = 5;
const TURKISH_LETTERS: Record<string, string> = { ı: 'i', ş: 's', ğ: 'g', ç: 'c', ö: 'o', ü: 'u', â: 'a', î: 'i', û: 'u' };
const foldTurkish = (word: string) => word.replace(/[ışğçöüâîû]/g, (letter) => TURKISH_LETTERS[letter] ?? letter);

/**
 * Polish has no Snowball stemmer; this light one strips the common case, number, adjective and
 * verb endings after folding the Polish letters (people often type without them), leaving at
 * least four letters: "niemieckiego", "niemiecki" → "niemieck"; "mieszkania", "mieszkanie" →
 * "mieszk"; "lekarza", "lekarzem" → "lekarz". Like any light stemmer it conflates too little
 * rather than too much; the glossary covers the irregular forms.
 */
const POLISH_ENDINGS = [
  'owaniami', 'owaniach', 'owaniem', 'owania', 'owanie', 'owaniu',
  'aniami', 'aniach', 'eniami', 'eniach', 'aniem', 'eniem', 'ania', 'anie', 'aniu', 'enia', 'enie', 'eniu',
  'iego', 'iemu', 'ymi', 'ych', 'imi', 'ich', 'ego', 'emu', 'owej', 'owego', 'owych', 'owym', 'owa', 'owe', 'owy', 'iej',
  'ujemy', 'ujecie', 'uja', 'uje', 'ujesz', 'owac', 'iliśmy', 'ilismy', 'alismy', 'elismy',
  'ami', 'ach', 'owi', 'om', 'ow', 'em', 'ie', 'ym', 'im', 'ej',
  'ac', 'ec', 'ic', 'yc', 'lem', 'lam', 'les', 'las', 'la', 'lo', 'li', 'ly',
  'esz', 'emy', 'ecie', 'isz', 'imy', 'icie', 'asz', 'amy', 'acie', 'aja',
  'a', 'e', 'i', 'o', 'u', 'y', 'l', 'c', 'm',
].sort((a, b) => b.length - a.length);
const POLISH_LETTERS: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };
const MIN_POLISH_STEM = 4;

export function polishLight(word: string): string {
  const folded = word.replace(/[ąćęłńóśźż]/g, (letter) => POLISH_LETTERS[letter] ?? letter);
  for (const ending of POLISH_ENDINGS) {
    if (folded.endsWith(ending) && folded.length - ending.length >= MIN_POLISH_STEM) return folded.slice(0, -ending.length);
  }
  return folded;
}

const STEMMERS: Record<string, Stemmer> = {
  de: german,
  en: english,
  fr: french,
  ro: romanian,
  ru: russian,
  tr: turkishPrefix,
  pl: polishLight,
  uk: ukrainian,
  ar: arabicLight,
  fa: persianLight,
};

const identity: Stemmer = (word) => word;

/** The stemmer for a language; words of languages without one are left as they are. */
export function stemmerFor(language: string): Stemmer {
  return STEMMERS[language.split('-')[0]!] ?? identity;
}
