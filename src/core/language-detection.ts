/**
 * A hint, never a rule: the language a message seems written in, for a user who has not chosen
 * one yet, limited to the languages that could answer (the region's and the bot's). Uses ELD
 * (efficient language detector), loaded on first use because its model takes half a second.
 */

type Detector = { detect(text: string): { language: string; getScores(): Record<string, number> } };

let detector: Promise<Detector> | undefined;

function load(): Promise<Detector> {
  detector ??= import('eld/small').then((module) => (module as unknown as { eld: Detector }).eld);
  return detector;
}

/** Below this many letters a guess is noise ("ok", "Kita"). */
const MIN_LETTERS = 12;
/** The best allowed language must lead the next one by this much. */
const MARGIN = 0.05;

export async function detectLanguage(text: string, allowed: readonly string[]): Promise<string | null> {
  if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const scores = (await load()).detect(text).getScores();
  const ranked = allowed
    .map((language) => ({ language, score: scores[language] ?? 0 }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, second] = ranked;
  if (best === undefined || (second !== undefined && best.score - second.score < MARGIN)) return null;
  return best.language;
}
