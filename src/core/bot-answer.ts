import type { LoadedRegionEntry } from '../content/registry.js';
import type { Hit, SearchResult } from '../search/engine.js';
import type { BotTexts } from './i18n.js';
import { understandText, type TextIntent } from './understand.js';

/**
 * What the bot answers to a typed question, as a decision rather than as rendered text: which
 * intent takes it, whether a page is shown as the answer, offered as "did you mean…?", or
 * nothing is found. The question intent renders this decision; `lotse ask` and the evaluation
 * report it, so what is measured is what users get.
 */

export type Verdict = 'answer' | 'suggest' | 'none';

export interface BotAnswer {
  intent: TextIntent['kind'];
  verdict: Verdict;
  /** The item shown as the answer (by `keyOf`), or null. */
  shown: string | null;
  /** The "did you mean" choices (by `keyOf`), when the verdict is `suggest`. */
  choices: string[];
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

/** Emergencies are answered with the region's emergency page, found by these words. */
export const EMERGENCY_QUERY = 'Notruf Notfall 112 Notaufnahme emergency';

/** How many "did you mean" choices are offered. */
export const SUGGESTIONS = 3;

export function whatTheBotAnswers(request: BotAnswerRequest): BotAnswer {
  const { entry, texts, text, language } = request;
  const keyOf = request.keyOf ?? ((kind: string, id: string) => `${kind}:${id}`);
  const key = (hit: Hit) => keyOf(hit.kind, hit.item.id);
  const understood = understandText(texts, text, language);
  switch (understood.kind) {
    case 'emergency': {
      const page = emergencyPage(entry, language);
      return { intent: 'emergency', verdict: 'answer', shown: page ? key(page) : null, choices: [], result: null };
    }
    case 'question': {
      const result = entry.search.search({ text, language, sentencesFor: 1 });
      const verdict: Verdict = result.answered && result.hits.length > 0 ? 'answer' : result.hits.length > 0 ? 'suggest' : 'none';
      return {
        intent: 'question',
        verdict,
        shown: verdict === 'answer' ? key(result.hits[0]!) : null,
        choices: verdict === 'suggest' ? result.hits.slice(0, SUGGESTIONS).map(key) : [],
        result,
      };
    }
    default:
      // Events, places and the bot's own commands answer without a page.
      return { intent: understood.kind, verdict: 'answer', shown: null, choices: [], result: null };
  }
}

/** The region's page about emergencies, in the user's language when it has one. */
export function emergencyPage(entry: LoadedRegionEntry, language: string): Hit | undefined {
  return entry.search.search({ text: EMERGENCY_QUERY, language, kinds: ['page'], limit: 1 }).hits[0];
}
