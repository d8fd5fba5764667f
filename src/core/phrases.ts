import { normaliseText, splitWords } from '../search/normalise.js';

/**
 * Finding short phrases ("swallowed pills", "بلع دوا", "this weekend") inside a message, word by
 * word. People inflect what they type, so a phrase word of five letters or more also matches a
 * longer word it begins ("swallow" — "swallowed", "отравил" — "отравился"), and Arabic-script
 * words are also tried without the clitics written onto them (و "and", ف "so", ب "with", ال "the").
 */

/** The words of a message as phrases are matched: normalised with the language's case rules. */
export function messageWords(text: string, language: string): string[] {
  return splitWords(normaliseText(text, language));
}

const ARABIC_LETTER = /^\p{Script=Arabic}/u;
const MIN_PREFIX = 5;
const MAX_ENDING = 4;

/** A word and its forms without Arabic clitics. */
function forms(word: string): string[] {
  if (!ARABIC_LETTER.test(word) || word.length < 4) return [word];
  const result = [word];
  let bare = word;
  if (/^[وف]/.test(bare) && bare.length >= 4) result.push((bare = bare.slice(1)));
  if (/^(ال|بال|لل)/.test(bare) && bare.length >= 5) result.push(bare.replace(/^(ال|بال|لل)/, ''));
  else if (/^[بل]/.test(bare) && bare.length >= 4) result.push(bare.slice(1));
  return result;
}

function wordMatches(word: string, wanted: string): boolean {
  for (const form of forms(word)) {
    if (form === wanted) return true;
    if (wanted.length >= MIN_PREFIX && form.startsWith(wanted) && form.length - wanted.length <= MAX_ENDING) return true;
  }
  return false;
}

export class PhraseSet {
  private readonly phrases: string[][];

  /** Phrases as written (lower case); normalised with the language's rules. Empty ones are dropped. */
  constructor(phrases: readonly string[], language: string) {
    this.phrases = phrases.map((phrase) => messageWords(phrase, language)).filter((words) => words.length > 0);
  }

  get size(): number {
    return this.phrases.length;
  }

  /** The first phrase found in the words, or null. */
  find(words: readonly string[]): string[] | null {
    for (const phrase of this.phrases) {
      for (let start = 0; start + phrase.length <= words.length; start++) {
        let all = true;
        for (let at = 0; at < phrase.length && all; at++) all = wordMatches(words[start + at]!, phrase[at]!);
        if (all) return phrase;
      }
    }
    return null;
  }
}
