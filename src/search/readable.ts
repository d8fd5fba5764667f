import { normaliseText, splitWords } from './normalise.js';

/**
 * Whether a sentence reads as (part of) an answer on its own, when quoted under a page title in
 * a chat. Pure functions over the sentence text and its neighbours:
 * - a sentence that starts by pointing back ("And they…", "Diese…", "Там…") needs the sentence
 *   before it;
 * - a list lead-in ("There are two kinds:") needs at least one of its items after it;
 * - a sentence that only repeats the page title, or only points elsewhere ("More information
 *   here", "Siehe auch…"), says nothing.
 */

/** First words that refer back to something said before, per language (normalised, lower case). */
const BACK_REFERENCES: Record<string, readonly string[]> = {
  // Not "Sie" (the polite "you" that starts half of all German advice) and not "Es gibt".
  de: ['und', 'aber', 'dies', 'diese', 'dieser', 'dieses', 'diesen', 'diesem', 'dort', 'dabei', 'dafür', 'dafur', 'damit', 'dazu', 'deshalb', 'daher', 'deswegen', 'darum', 'außerdem', 'ausserdem', 'ebenso', 'er', 'solche', 'beide', 'danach', 'trotzdem', 'jedoch'],
  // Not the "there" of "there are".
  en: ['and', 'but', 'this', 'these', 'that', 'those', 'they', 'them', 'their', 'it', 'its', 'he', 'she', 'also', 'however', 'therefore', 'then', 'both', 'such'],
  // Not the impersonal "il faut".
  fr: ['et', 'mais', 'ce', 'cet', 'cette', 'ces', 'cela', 'ils', 'elles', 'elle', 'leur', 'leurs', 'aussi', 'donc', 'alors', 'ensuite', 'cependant'],
  ar: ['و', 'لكن', 'هذا', 'هذه', 'هؤلاء', 'ذلك', 'تلك', 'هم', 'هو', 'هي', 'هناك', 'أيضا', 'ايضا', 'لذلك', 'ثم', 'كذلك'],
  fa: ['و', 'اما', 'این', 'آن', 'اینها', 'آنها', 'او', 'آنجا', 'همچنین', 'بنابراین', 'سپس'],
  uk: ['і', 'й', 'та', 'а', 'але', 'це', 'ці', 'цей', 'ця', 'той', 'та', 'ті', 'вони', 'він', 'вона', 'воно', 'їх', 'там', 'також', 'тому', 'потім', 'отже'],
  ru: ['и', 'а', 'но', 'это', 'эти', 'этот', 'эта', 'тот', 'та', 'те', 'они', 'он', 'она', 'оно', 'их', 'там', 'также', 'поэтому', 'потом', 'затем'],
  tr: ['ve', 'ama', 'fakat', 'bu', 'bunlar', 'şu', 'o', 'onlar', 'orada', 'ayrıca', 'bu nedenle', 'sonra', 'yani'],
  pl: ['i', 'a', 'ale', 'to', 'te', 'ten', 'ta', 'ci', 'oni', 'one', 'on', 'ona', 'ono', 'tam', 'także', 'takze', 'również', 'rowniez', 'dlatego', 'potem'],
  ro: ['și', 'si', 'dar', 'aceasta', 'acesta', 'acestea', 'aceștia', 'acestia', 'ei', 'ele', 'el', 'ea', 'acolo', 'de asemenea', 'deci', 'apoi'],
};

/** Phrases of sentences that only send the reader elsewhere. */
const POINTERS = [
  /^(siehe|see|voir|vezi|zobacz|див\.?|см\.?|bkz\.?)\b/iu,
  /\b(weitere|mehr) (informationen|infos)\b.{0,40}(finden|gibt|unter|hier|auf)\b/iu,
  /\b(more|further) (information|details)\b.{0,40}\b(at|on|here|can be found)\b/iu,
  /\b(hier klicken|click here|cliquez ici)\b/iu,
];

const MAX_POINTER_LENGTH = 140;

function firstWords(text: string, language: string): string[] {
  return splitWords(normaliseText(text, language)).slice(0, 2);
}

/** Starts by pointing back to something the reader has not been shown. */
export function pointsBack(text: string, language: string): boolean {
  const words = firstWords(text, language);
  const first = words[0];
  if (first === undefined) return false;
  const list = BACK_REFERENCES[language.split('-')[0]!] ?? BACK_REFERENCES.en!;
  // Arabic and Persian write "and" onto the next word: "وهذا", "وهم".
  const bare = /^[وف]\p{Script=Arabic}{2,}/u.test(first) ? first.slice(1) : first;
  return list.includes(first) || list.includes(bare) || (words.length > 1 && list.includes(`${first} ${words[1]}`));
}

/** Announces a list ("Sie brauchen:", "There are two kinds:"). */
export function isLeadIn(text: string): boolean {
  return /[:：]\s*$/u.test(text);
}

/** Says nothing but "look elsewhere". */
export function onlyPointsElsewhere(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= MAX_POINTER_LENGTH && POINTERS.some((pattern) => pattern.test(trimmed));
}

/** Has nothing the title does not already say. */
export function repeatsTitle(terms: readonly string[], titleTerms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  return terms.every((term) => titleTerms.includes(term));
}
