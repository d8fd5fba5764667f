/**
 * Other spellings of a query word, for words the pages do not have as typed:
 * - German words written in Cyrillic, as Ukrainian and Russian speakers do ("кіндергельд",
 *   "джобцентр", "аусбільдунг"): transliterated back the way German spells sounds, so they meet
 *   "Kindergeld", "Jobcenter", "Ausbildung" on the pages (often in brackets in translated pages).
 * - Russian words on Ukrainian pages and back: the two share most roots but spell some sounds
 *   differently (ы/и/і, э/е/є).
 * Pure functions; the query checks every candidate against the index vocabulary.
 */

/** Cyrillic letters and pairs as German writes the sound; several where German has several spellings. */
const CYRILLIC_PAIRS: Record<string, string[]> = {
  дж: ['j', 'dsch'],
  шт: ['st', 'scht'],
  шп: ['sp', 'schp'],
  ай: ['ei', 'ai'],
  ей: ['ei', 'ey'],
  ой: ['eu', 'oi'],
  оє: ['eue', 'oje'],
  ау: ['au'],
  ія: ['ia'],
  ья: ['ia'],
};

const CYRILLIC_LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'w', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'je', ё: 'jo', ж: 'sch', з: 's', и: 'i', і: 'i', ї: 'ji', й: 'j', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'ü', я: 'ja',
};

const MAX_CANDIDATES = 8;

/** German-style Latin spellings of a Cyrillic word, most likely first; empty for other words. */
export function cyrillicToGerman(word: string): string[] {
  if (!/^[\p{Script=Cyrillic}]+$/u.test(word)) return [];
  let candidates = [''];
  for (let at = 0; at < word.length; ) {
    const pair = CYRILLIC_PAIRS[word.slice(at, at + 2)];
    // "шт"/"шп" only read as German "st"/"sp" at the start of a word part.
    const pairAllowed = pair !== undefined && (!/^ш[тп]$/.test(word.slice(at, at + 2)) || at === 0);
    const options = pairAllowed ? pair! : [CYRILLIC_LETTERS[word[at]!] ?? word[at]!];
    candidates = candidates.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, MAX_CANDIDATES);
    at += pairAllowed ? 2 : 1;
  }
  return [...new Set(candidates)];
}

/** Spellings of a Russian word in Ukrainian letters, or of a Ukrainian word in Russian ones. */
export function siblingSpellings(word: string, from: string, to: string): string[] {
  if (from === 'ru' && to === 'uk') {
    const base = word.replace(/ы/g, 'и').replace(/э/g, 'е').replace(/ъ/g, '');
    return [...new Set([base, base.replace(/и/g, 'і')])].filter((candidate) => candidate !== word);
  }
  if (from === 'uk' && to === 'ru') {
    return [word.replace(/и/g, 'ы').replace(/і/g, 'и').replace(/ї/g, 'и').replace(/є/g, 'е')].filter((candidate) => candidate !== word);
  }
  return [];
}
