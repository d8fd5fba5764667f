import { readingOrder } from '../content/languages.js';
import type { ItemKind, SearchableItem } from '../content/model.js';
import type { LoadedRegionEntry } from '../content/registry.js';
import { upcomingEvents } from '../content/upcoming.js';
import type { Verdict } from '../search/confidence.js';
import type { Hit, SearchResult } from '../search/engine.js';
import type { BotTexts, EmergencyCategory } from './i18n.js';
import { understandText, type TextIntent } from './understand.js';

/**
 * What the bot answers to a typed question, as a decision rather than as rendered text: which
 * intent takes it, whether a page is shown as the answer, offered as "did you mean…?", or
 * nothing is found. The intents render this decision's parts; `lotse ask` and the evaluation
 * report it, so what is measured is what users get.
 */

export interface ShownItem {
  kind: ItemKind;
  item: SearchableItem;
}

export interface BotAnswer {
  intent: TextIntent['kind'];
  /** For emergencies: what kind. */
  emergency: EmergencyCategory | null;
  verdict: Verdict;
  /** The item shown as the answer (by `keyOf`), or null. */
  shown: string | null;
  /** The "did you mean" choices (by `keyOf`), when the verdict is `suggest`. */
  choices: string[];
  /** What the reply shows: the answer page, the emergency page, the events listed, or the choices. */
  items: ShownItem[];
  /** The search behind it, when the message was searched. */
  result: SearchResult | null;
}

export interface BotAnswerRequest {
  entry: LoadedRegionEntry;
  texts: BotTexts;
  text: string;
  language: string;
  now: Date;
  /** How an item is named in `shown` and `choices` (default `kind:id`). */
  keyOf?: (kind: string, id: string) => string;
}

/**
 * Emergencies are answered with the region's page for that kind of emergency, found by these
 * words among its main-language pages (Integreat regions write in German) and shown in the
 * user's language.
 */
const EMERGENCY_QUERIES: Record<EmergencyCategory, string> = {
  poisoning: 'Giftnotruf Vergiftung poison',
  suicide: 'Krise Suizid Selbstmord Seelsorge psychische Gesundheit crisis suicide',
  violence: 'Gewalt Schutz Gewaltschutz Frauenhaus Hilfetelefon violence',
  fire: 'Feuerwehr Brand Notruf 112 fire',
  child: 'Notruf 112 110 Polizei Notfall emergency',
  accident: 'Notruf 112 Rettungsdienst Unfall Notfall emergency',
  medical: 'Notruf 112 Rettungsdienst Notfall emergency',
  general: 'Notruf Notfall 112 Notaufnahme emergency',
};

/** How many "did you mean" choices are offered. */
export const SUGGESTIONS = 3;

export function whatTheBotAnswers(request: BotAnswerRequest): BotAnswer {
  const { entry, texts, text, language } = request;
  const keyOf = request.keyOf ?? ((kind: string, id: string) => `${kind}:${id}`);
  const key = (shown: ShownItem) => keyOf(shown.kind, shown.item.id);
  const understood = understandText(texts, text, language);
  const none = { emergency: null, shown: null, choices: [], items: [], result: null };
  switch (understood.kind) {
    case 'emergency': {
      const page = emergencyPage(entry, language, understood.category);
      return { ...none, intent: 'emergency', emergency: understood.category, verdict: 'answer', shown: page ? key(page) : null, items: page ? [page] : [] };
    }
    case 'events': {
      const items = upcomingEvents(entry.region, language, understood.window, request.now).map(({ event }) => ({ kind: 'event' as const, item: event }));
      return { ...none, intent: 'events', verdict: items.length > 0 ? 'answer' : 'none', items };
    }
    case 'question': {
      const result = entry.search.search({ text, language, sentencesFor: 1 });
      const verdict = result.verdict;
      const items = verdict === 'answer' ? result.hits.slice(0, 1) : verdict === 'suggest' ? result.hits.slice(0, SUGGESTIONS) : [];
      return { ...none, intent: 'question', verdict, shown: verdict === 'answer' ? key(items[0]!) : null, choices: verdict === 'suggest' ? items.map(key) : [], items, result };
    }
    default:
      // Places and the bot's own commands answer without a page.
      return { ...none, intent: understood.kind, verdict: 'answer' };
  }
}

/** The region's page about this kind of emergency, in the user's language when it has one. */
export function emergencyPage(entry: LoadedRegionEntry, language: string, category: EmergencyCategory = 'general'): Hit | undefined {
  const { region } = entry.search;
  const readable = readingOrder(language, entry.search.languages, region.defaultLanguage);
  return entry.search.search({ text: EMERGENCY_QUERIES[category], language: region.defaultLanguage, readable, kinds: ['page'], limit: 1 }).hits[0];
}
