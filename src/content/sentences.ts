/**
 * Sentence splitting on top of ICU's sentence segmenter (`Intl.Segmenter`).
 *
 * ICU breaks after every abbreviation and ordinal ("z.B. ", "Dr. ", "am 1. Januar"), which in
 * German integration content is everywhere; we glue those pieces back together.
 */

// Words that end in a dot without ending the sentence. Single letters are handled by rule; words
// that also end real sentences ("so", "no", "sat") are left out on purpose.
const ABBREVIATIONS = new Set([
  // de
  'z.b', 'bzw', 'ca', 'dr', 'nr', 'str', 'usw', 'ggf', 'inkl', 'evtl', 'bzgl', 'd.h', 'u.a', 'o.ä', 'v.a',
  'mo', 'di', 'mi', 'fr', 'tel', 'abs', 'vgl', 'sog', 'zzgl', 'gem', 'max', 'min', 'mind', 'jan', 'feb',
  'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez', 'prof', 'hr', 'hrsg', 'i.d.r',
  'z.t', 'e.v', 'allg', 'ff', 'bspw', 'std', 'kl', 'geb',
  // en
  'e.g', 'i.e', 'etc', 'mr', 'mrs', 'ms', 'approx', 'incl', 'vs', 'tue', 'wed', 'thu', 'fri', 'nos',
  // fr
  'mme', 'env', 'cf', 'p.ex',
  // uk / ru
  'вул', 'тел', 'напр', 'т.д', 'т.п', 'див', 'ст', 'ім', 'пр',
  // tr
  'vb', 'sok', 'cad', 'mah',
]);

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(safeLocale(language), { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

function safeLocale(language: string): string {
  try {
    return Intl.Segmenter.supportedLocalesOf([language])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** True when a segment ends in something that only looks like the end of a sentence. */
function endsInFalseStop(segment: string): boolean {
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const lastWord = trimmed.slice(0, -1).split(/\s+/).pop() ?? '';
  const bare = lastWord.replace(/^[("'„“«]+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  // Ordinals and dates: "am 1. Januar", "bis 31.12. einreichen".
  if (/^\d{1,2}(\.\d{1,2})?\.?$/.test(bare)) return true;
  // Single letters ("A. Müller") and initialisms ("u.s.w").
  return /^\p{L}$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare);
}

/** A real sentence does not start with a lower-case letter in the scripts that have case. */
function startsLowerCase(segment: string): boolean {
  const first = segment.trimStart().charAt(0);
  return first !== '' && first !== first.toUpperCase() && first === first.toLowerCase();
}

/** Splits a block of plain text into sentences, trimmed and without empty ones. */
export function splitSentences(text: string, language = 'de'): string[] {
  // Most blocks are one sentence or none; only text with a stop inside needs the segmenter.
  if (!/[.!?؟。…]["'”»)]*\s+\S/u.test(text)) return text.trim() === '' ? [] : [text.trim()];
  const sentences: string[] = [];
  let pending = '';
  for (const { segment } of segmenterFor(language).segment(text)) {
    if (pending !== '' && (endsInFalseStop(pending) || startsLowerCase(segment))) {
      pending += segment;
    } else {
      if (pending.trim() !== '') sentences.push(pending.trim());
      pending = segment;
    }
  }
  if (pending.trim() !== '') sentences.push(pending.trim());
  return sentences;
}
