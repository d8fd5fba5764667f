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

function formMatches(form: string, wanted: string): boolean {
  return form === wanted || (wanted.length >= MIN_PREFIX && form.startsWith(wanted) && form.length - wanted.length <= MAX_ENDING);
}

/** Phrases are looked up by their first word: whole when short, by its first letters when it may carry an ending. */
const keyOf = (word: string) => (word.length >= MIN_PREFIX ? word.slice(0, MIN_PREFIX) : word);

export class PhraseSet {
  private readonly byFirst = new Map<string, string[][]>();
  readonly size: number;

  /** Phrases as written (lower case); normalised with the language's rules. Empty ones are dropped. */
  constructor(phrases: readonly string[], language: string) {
    const normalised = phrases.map((phrase) => messageWords(phrase, language)).filter((words) => words.length > 0);
    for (const phrase of normalised) {
      const key = keyOf(phrase[0]!);
      let list = this.byFirst.get(key);
      if (list === undefined) this.byFirst.set(key, (list = []));
      list.push(phrase);
    }
    this.size = normalised.length;
  }

  /** The first phrase found in the words, or null. */
  find(words: readonly string[]): string[] | null {
    if (this.size === 0) return null;
    const wordForms = words.map(forms);
    const matchesAt = (at: number, wanted: string) => wordForms[at]!.some((form) => formMatches(form, wanted));
    for (let start = 0; start < words.length; start++) {
      for (const form of wordForms[start]!) {
        const keys = form.length >= MIN_PREFIX ? [form, keyOf(form)] : [form];
        for (const key of keys) {
          for (const phrase of this.byFirst.get(key) ?? []) {
            if (start + phrase.length > words.length) continue;
            let all = true;
            for (let at = 0; at < phrase.length && all; at++) all = matchesAt(start + at, phrase[at]!);
            if (all) return phrase;
          }
        }
      }
    }
    return null;
  }
}
