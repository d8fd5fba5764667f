import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { directionOf } from '../content/languages.js';
import { resolvePackagePath } from '../paths.js';
import { normaliseText, splitWords } from '../search/normalise.js';

/**
 * The bot's own texts (`locales/<lang>/bot.json`, i18next) and the plain words that reach an
 * intent without a command (`locales/<lang>/words.json`).
 */

export const LOCALES_DIR = resolvePackagePath('locales');
export const FALLBACK_LANGUAGE = 'en';

export interface WordLists {
  emergency: string[];
  help: string[];
  events: string[];
  weekend: string[];
  places: string[];
  subscribe: string[];
  unsubscribe: string[];
  language: string[];
  region: string[];
  delete: string[];
  feedback: string[];
  greeting: string[];
  thanks: string[];
  categories: Record<string, string[]>;
}

export type WordIntent = Exclude<keyof WordLists, 'categories'>;

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Normalised form of a phrase or message for word matching: " word word ". */
export function phraseKey(text: string, language: string): string {
  return ` ${splitWords(normaliseText(text, language)).join(' ')} `;
}

export class BotTexts {
  readonly languages: string[];
  private readonly i18n: i18n;
  private readonly words = new Map<string, WordLists>();

  constructor(dir = LOCALES_DIR) {
    this.languages = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'bot.json')))
      .map((entry) => entry.name)
      .sort((a, b) => (a === FALLBACK_LANGUAGE ? -1 : b === FALLBACK_LANGUAGE ? 1 : a.localeCompare(b)));
    const resources: Record<string, { bot: object }> = {};
    for (const language of this.languages) {
      resources[language] = { bot: readJson(path.join(dir, language, 'bot.json')) as object };
      const words = path.join(dir, language, 'words.json');
      if (existsSync(words)) this.words.set(language, readJson(words) as WordLists);
    }
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources,
      ns: ['bot'],
      defaultNS: 'bot',
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: this.languages,
      initAsync: false,
      // Replies are rendered per channel, which escapes for its own markup.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  /** A translation function fixed to a language (the fallback language when it has no texts). */
  t(language: string): TFunction<'bot'> {
    return this.i18n.getFixedT(this.supports(language) ? language : FALLBACK_LANGUAGE, 'bot');
  }

  supports(language: string): boolean {
    return this.languages.includes(language);
  }

  /** The language replies are written in for a user language: itself, or the fallback. */
  replyLanguage(language: string): string {
    return this.supports(language) ? language : FALLBACK_LANGUAGE;
  }

  direction(language: string): 'ltr' | 'rtl' {
    return directionOf(this.replyLanguage(language));
  }

  /** Whether a message is one of an intent's words (short messages) or, for emergencies, contains one. */
  matches(intent: WordIntent, message: string, languages: readonly string[] = this.languages): boolean {
    const words = message.trim().split(/\s+/).length;
    for (const language of languages) {
      const key = phraseKey(message, language);
      for (const phrase of this.words.get(language)?.[intent] ?? []) {
        const wanted = phraseKey(phrase, language);
        if (wanted.trim() === '') continue;
        if (intent === 'emergency' ? key.includes(wanted) : key === wanted || (words <= 3 && key.includes(wanted))) return true;
      }
    }
    return false;
  }

  /** Place categories named in a message ("Arzt", "doctor", "طبيب"), by category key. */
  categoriesIn(message: string, languages: readonly string[] = this.languages): string[] {
    const found = new Set<string>();
    for (const language of languages) {
      const key = phraseKey(message, language);
      for (const [category, phrases] of Object.entries(this.words.get(language)?.categories ?? {})) {
        if (phrases.some((phrase) => phraseKey(phrase, language).trim() !== '' && key.includes(phraseKey(phrase, language)))) found.add(category);
      }
    }
    return [...found];
  }
}
