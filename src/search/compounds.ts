/**
 * German compound splitting against the index's own vocabulary: "Führerscheinumschreibung" →
 * "führerschein" + "umschreibung", "Integrationskurs" → "integration" + "kurs". A user who asks
 * for a "Kurs" finds the "Integrationskurs" page, and one who types "Abendkurs" finds pages
 * that speak of "Kurse am Abend".
 *
 * Parts are index terms (stemmed, folded); a split is only accepted when both parts are words
 * of the corpus, which keeps nonsense splits like "kinder|garten" → fine, "arbeit|sag|entur" → no.
 */

const LINKING = ['', 's', 'es', 'n', 'en', 'e', 'er'];
const MIN_PART = 4;

/**
 * Best split of a normalised word into index terms (recursively on the tail), or null.
 * `toTerm` turns a part into an index term (stem + fold); `isTerm` says whether the corpus has it.
 */
export function splitCompound(word: string, toTerm: (part: string) => string, isTerm: (term: string) => boolean): string[] | null {
  if (word.length < 2 * MIN_PART || !/^\p{Ll}+$/u.test(word)) return null;
  // Longest head first: "krankenversicherung" → "kranken|versicherung", not "krankenver|sicherung".
  for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
    const tail = word.slice(cut);
    const tailTerm = toTerm(tail);
    if (!isTerm(tailTerm)) continue;
    const before = word.slice(0, cut);
    for (const link of LINKING) {
      if (!before.endsWith(link)) continue;
      const head = before.slice(0, before.length - link.length);
      if (head.length < MIN_PART) continue;
      const headTerm = toTerm(head);
      if (!isTerm(headTerm)) continue;
      return [headTerm, ...(splitCompound(tail, toTerm, isTerm) ?? [tailTerm])];
    }
  }
  return null;
}
