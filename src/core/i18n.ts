import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { directionOf } from '../content/languages.js';
import { resolvePackagePath } from '../paths.js';
import { normaliseText, splitWords } from '../search/normalise.js';
import type { EventWindow } from '../content/upcoming.js';
import { messageWords, PhraseSet } from './phrases.js';

/**
 * The bot's own texts (`locales/<lang>/bot.json`, i18next) and the plain words that reach an
 * intent without a command (`locales/<lang>/words.json`).
 */

export const LOCALES_DIR = resolvePackagePath('locales');
export const FALLBACK_LANGUAGE = 'en';

export const EMERGENCY_CATEGORIES = ['poisoning', 'suicide', 'violence', 'fire', 'child', 'accident', 'medical'] as const;
/** What kind of emergency a message is about; `general` when it only says it is one. */
export type EmergencyCategory = (typeof EMERGENCY_CATEGORIES)[number] | 'general';

export type { EventWindow };

export interface WordLists {
  /** Words that say "this is an emergency" without saying which kind. */
  emergency: string[];
  /** Phrases of acute emergencies, by kind, as people write them in panic. */
  emergencyCategories: Record<(typeof EMERGENCY_CATEGORIES)[number], string[]>;
  /** Words that make a message about emergencies an ordinary question ("first aid course", "opening hours"). */
  notEmergency: string[];
  help: string[];
  /** How people ask what is going on (events, activities, "what's on"). */
  events: string[];
  today: string[];
  thisWeek: string[];
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

export type WordIntent = Exclude<keyof WordLists, 'categories' | 'emergencyCategories' | 'notEmergency' | 'today' | 'thisWeek'>;

/** The phrase lists that read emergencies and questions about events, per language. */
interface Cues {
  emergency: Map<EmergencyCategory, PhraseSet>;
  notEmergency: PhraseSet;
  events: PhraseSet;
  windows: Map<EventWindow, PhraseSet>;
}

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
  /** Per language, the intents' phrases already in their matching form. */
  private readonly phrases = new Map<string, Map<string, string[]>>();
  private readonly cues = new Map<string, Cues>();
  private lastMessage: { text: string; keys: Map<string, string> } = { text: '', keys: new Map() };
  private readonly fixed = new Map<string, TFunction<'bot'>>();

  constructor(dir = LOCALES_DIR) {
    this.languages = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'bot.json')))
      .map((entry) => entry.name)
      .sort((a, b) => (a === FALLBACK_LANGUAGE ? -1 : b === FALLBACK_LANGUAGE ? 1 : a.localeCompare(b)));
    const resources: Record<string, { bot: object }> = {};
    for (const language of this.languages) {
      resources[language] = { bot: readJson(path.join(dir, language, 'bot.json')) as object };
      const words = path.join(dir, language, 'words.json');
      if (existsSync(words)) {
        const lists = readJson(words) as WordLists;
        this.phrases.set(language, phraseKeys(lists, language));
        this.cues.set(language, cuesOf(lists, language));
      }
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
    const code = this.supports(language) ? language : FALLBACK_LANGUAGE;
    let t = this.fixed.get(code);
    if (t === undefined) this.fixed.set(code, (t = this.i18n.getFixedT(code, 'bot')));
    return t;
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

  /** The matching form of a message in a language, computed once per message and case rule. */
  private messageKey(message: string, language: string): string {
    if (this.lastMessage.text !== message) this.lastMessage = { text: message, keys: new Map() };
    const rule = language === 'tr' ? 'tr' : 'default';
    let key = this.lastMessage.keys.get(rule);
    if (key === undefined) this.lastMessage.keys.set(rule, (key = phraseKey(message, language)));
    return key;
  }

  /** Whether a message is one of an intent's words (short messages) or, for emergencies, contains one. */
  matches(intent: WordIntent, message: string, languages: readonly string[] = this.languages): boolean {
    const words = message.trim().split(/\s+/).length;
    for (const language of languages) {
      const wanted = this.phrases.get(language)?.get(intent);
      if (wanted === undefined) continue;
      const key = this.messageKey(message, language);
      for (const phrase of wanted) {
        if (intent === 'emergency' ? key.includes(phrase) : key === phrase || (words <= 3 && key.includes(phrase))) return true;
      }
    }
    return false;
  }

  /**
   * The kind of acute emergency a message describes, read in every language the bot knows (a
   * frightened user types in their own language whatever they chose before); null when it is
   * none, or when it is a question about an emergency topic ("first aid course", "what do I do
   * if…").
   */
  emergencyIn(message: string): EmergencyCategory | null {
    let found: EmergencyCategory | null = null;
    let phrase: string[] | null = null;
    const words = new Map<string, string[]>();
    const wordsIn = (language: string) => {
      const rule = language === 'tr' ? 'tr' : 'default';
      let list = words.get(rule);
      if (list === undefined) words.set(rule, (list = messageWords(message, language)));
      return list;
    };
    for (const [language, cues] of this.cues) {
      for (const [category, phrases] of cues.emergency) {
        if (found !== null && ORDER.indexOf(category) >= ORDER.indexOf(found)) break;
        const match = phrases.find(wordsIn(language));
        if (match !== null) [found, phrase] = [category, match];
      }
    }
    // Someone describing what is happening ("my son swallowed pills") is in an emergency, whatever
    // else they ask; a bare "112" or "emergency" is one only in a short cry for help, and a
    // general word is no emergency in a question about the topic ("emergency pharmacy hours").
    if (found !== 'general') return found;
    if (phrase!.length === 1 && wordsIn('en').length > 3) return null;
    return this.asksAboutEmergencies(message) ? null : found;
  }

  /** Whether a message reads as an ordinary question about an emergency topic ("first aid course", "what do I do if…"). */
  asksAboutEmergencies(message: string): boolean {
    for (const [language, cues] of this.cues) if (cues.notEmergency.find(messageWords(message, language)) !== null) return true;
    return false;
  }

  /**
   * Whether a message asks what is on, and when: an events phrase with a time ("what's on this
   * weekend", "شو في فعاليات هالاسبوع"), or a short message that is little more than one
   * ("events?", "this weekend").
   */
  eventWindowIn(message: string, languages: readonly string[]): EventWindow | null {
    const count = message.trim().split(/\s+/).length;
    for (const language of languages) {
      const cues = this.cues.get(language);
      if (cues === undefined) continue;
      const words = messageWords(message, language);
      let window: EventWindow | null = null;
      for (const [name, phrases] of cues.windows) if (window === null && phrases.find(words) !== null) window = name;
      const asks = cues.events.find(words) !== null;
      if (asks && (window !== null || count <= 4)) return window ?? 'week';
      if (!asks && window !== null && count <= 3 && this.matches('weekend', message, [language])) return 'weekend';
    }
    return null;
  }

  /** Place categories named in a message ("Arzt", "doctor", "طبيب"), by category key. */
  categoriesIn(message: string, languages: readonly string[] = this.languages): string[] {
    const found = new Set<string>();
    for (const language of languages) {
      const key = this.messageKey(message, language);
      for (const [name, phrases] of this.phrases.get(language) ?? []) {
        if (name.startsWith('category:') && phrases.some((phrase) => key.includes(phrase))) found.add(name.slice('category:'.length));
      }
    }
    return [...found];
  }
}

/** Most specific first: a message that names poisoning and says "emergency" is about poisoning. */
const ORDER: readonly EmergencyCategory[] = [...EMERGENCY_CATEGORIES, 'general'];

/** Intent phrases in matching form; categories under `category:<key>`. Empty phrases are dropped. */
function phraseKeys(lists: WordLists, language: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const keys = (phrases: string[]) => phrases.map((phrase) => phraseKey(phrase, language)).filter((key) => key.trim() !== '');
  for (const [name, value] of Object.entries(lists)) {
    if (name === 'categories') for (const [category, phrases] of Object.entries(value as Record<string, string[]>)) result.set(`category:${category}`, keys(phrases));
    else if (Array.isArray(value)) result.set(name, keys(value as string[]));
  }
  return result;
}

function cuesOf(lists: WordLists, language: string): Cues {
  const set = (phrases: readonly string[] | undefined) => new PhraseSet(phrases ?? [], language);
  const emergency = new Map<EmergencyCategory, PhraseSet>(EMERGENCY_CATEGORIES.map((category) => [category, set(lists.emergencyCategories?.[category])]));
  emergency.set('general', set(lists.emergency));
  return {
    emergency,
    notEmergency: set(lists.notEmergency),
    events: set(lists.events),
    windows: new Map<EventWindow, PhraseSet>([
      ['weekend', set(lists.weekend)],
      ['today', set(lists.today)],
      ['week', set(lists.thisWeek)],
    ]),
  };
}
