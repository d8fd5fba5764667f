import { shippedGlossary } from '../search/glossary.js';
import { emergencyByMeaning } from './emergency-meaning.js';
import type { BotTexts, EmergencyCategory, EventWindow, WordIntent } from './i18n.js';

/**
 * What a typed message asks for, before any search: an emergency, a request the bot handles
 * itself ("events this weekend", "change language", "doctor near me"), or a question for the
 * region's content. Pure: the router, `lotse ask` and the evaluation all read messages the same way.
 */

export type TextIntent =
  | { kind: 'emergency'; category: EmergencyCategory }
  | { kind: 'events'; window: EventWindow }
  | { kind: 'places'; categories: string[] }
  | { kind: 'word'; intent: Exclude<WordIntent, 'emergency' | 'events' | 'weekend' | 'places'> }
  | { kind: 'question' };

/** Word intents checked in this order; the first that matches wins. */
const WORD_INTENTS = ['greeting', 'thanks', 'help', 'unsubscribe', 'subscribe', 'delete', 'language', 'region', 'feedback'] as const;

function meaningfulEmergency(texts: BotTexts, text: string, language: string): EmergencyCategory | null {
  const category = emergencyByMeaning(text, language, shippedGlossary());
  return category !== null && !texts.asksAboutEmergencies(text) ? category : null;
}

/** Languages a message's words are read in: the user's, the bot's reply language, English and German. */
function readingLanguages(texts: BotTexts, language: string): string[] {
  return [...new Set([language, texts.replyLanguage(language), 'en', 'de'])];
}

export function understandText(texts: BotTexts, text: string, language: string): TextIntent {
  // Urgency beats everything, in any language the bot knows: by its phrases, else by what the message describes.
  const category = texts.emergencyIn(text) ?? meaningfulEmergency(texts, text, language);
  if (category !== null) return { kind: 'emergency', category };
  const languages = readingLanguages(texts, language);
  for (const intent of WORD_INTENTS.slice(0, 3)) if (texts.matches(intent, text, languages)) return { kind: 'word', intent };
  const window = texts.eventWindowIn(text, languages);
  if (window !== null) return { kind: 'events', window };
  for (const intent of WORD_INTENTS.slice(3)) if (texts.matches(intent, text, languages)) return { kind: 'word', intent };
  // "Arzt in der Nähe", "doctor near me": places, filtered by the category named. A bare "Arzt"
  // is a question; its answer offers the nearby places as a button.
  if (texts.matches('places', text, languages)) return { kind: 'places', categories: texts.categoriesIn(text, languages) };
  return { kind: 'question' };
}
