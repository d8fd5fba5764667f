import type { ConversationContext, Intent, Router } from '../src/core/context.js';
import { parsePayload } from '../src/core/message.js';
import { confirmDelete, deleteChat } from './delete.js';
import { emergency } from './emergency.js';
import { events, weekendEvents } from './events.js';
import { askFeedback, receiveFeedback } from './feedback.js';
import { help } from './help.js';
import { askLocation, nearbyPlaces } from './places.js';
import { feedbackOnAnswer, more, openHit, question } from './question.js';
import { chooseLanguage, chooseRegion, setLanguage, setRegion } from './settings.js';
import { start } from './start.js';
import { chooseTopics, chooseUnsubscribe, subscribe, unsubscribe } from './subscribe.js';

/**
 * Which intent answers a message: commands and buttons by name, locations to places, and
 * text — after the emergency check, which always comes first — by its words, else a question.
 */

const COMMANDS: Record<string, Intent> = {
  start,
  help,
  language: chooseLanguage,
  region: chooseRegion,
  events,
  subscribe: chooseTopics,
  unsubscribe: chooseUnsubscribe,
  delete: confirmDelete,
  feedback: askFeedback,
};

const unknownButton: Intent = (ctx) => [ctx.reply([{ kind: 'text', text: ctx.t('errors.unknownButton') }])];
const unsupported: Intent = (ctx) => [ctx.reply([{ kind: 'text', text: ctx.t('errors.unsupported') }])];
const welcomeBack: Intent = (ctx) => [ctx.reply([{ kind: 'text', text: ctx.t('welcome.ready') }])];
const thanks: Intent = (ctx) => [ctx.reply([{ kind: 'text', text: ctx.t('feedback.thanks') }])];

function routeButton(value: string): Intent {
  const parsed = parsePayload(value);
  if (parsed === null) return unknownButton;
  const [first = '', second = ''] = parsed.args;
  switch (parsed.action) {
    case 'lang':
      return setLanguage(first);
    case 'region':
      return setRegion(first);
    case 'more':
      return more;
    case 'hit':
      return /^\d{1,2}$/.test(first) ? openHit(Number(first)) : unknownButton;
    case 'fb':
      return first === 'up' || first === 'down' ? feedbackOnAnswer(first, second) : unknownButton;
    case 'sub':
      return subscribe(first);
    case 'unsub':
      return unsubscribe(first);
    case 'del':
      return deleteChat(first);
    case 'events':
      return first === 'weekend' ? weekendEvents : events;
    case 'places':
      return askLocation(parsed.args.filter((category) => /^[a-z-]{1,24}$/.test(category)));
    default:
      return COMMANDS[parsed.action] ?? unknownButton;
  }
}

function routeText(ctx: ConversationContext, text: string): Intent {
  const { texts } = ctx;
  // Urgency beats everything, in any language the bot knows.
  if (texts.matches('emergency', text)) return emergency;
  if (ctx.chat.awaiting === 'feedback') return receiveFeedback;
  const languages = [...new Set([ctx.language, texts.replyLanguage(ctx.language), 'en', 'de'])];
  if (ctx.chat.consentAt === null && ctx.chat.region === null && ctx.registry.size > 1) return start;
  if (texts.matches('greeting', text, languages)) return ctx.chat.consentAt === null ? start : welcomeBack;
  if (texts.matches('thanks', text, languages)) return thanks;
  if (texts.matches('help', text, languages)) return help;
  if (texts.matches('weekend', text, languages)) return weekendEvents;
  if (texts.matches('events', text, languages)) return events;
  if (texts.matches('unsubscribe', text, languages)) return chooseUnsubscribe;
  if (texts.matches('subscribe', text, languages)) return chooseTopics;
  if (texts.matches('delete', text, languages)) return confirmDelete;
  if (texts.matches('language', text, languages)) return chooseLanguage;
  if (texts.matches('region', text, languages)) return chooseRegion;
  if (texts.matches('feedback', text, languages)) return askFeedback;
  // "Arzt in der Nähe", "doctor near me": places, filtered by the category named. A bare "Arzt"
  // is a question; its answer offers the nearby places as a button.
  if (texts.matches('places', text, languages)) return askLocation(texts.categoriesIn(text, languages));
  return question;
}

export const router: Router = (ctx) => {
  const { incoming } = ctx;
  switch (incoming.kind) {
    case 'command':
      return COMMANDS[incoming.command.toLowerCase()] ?? help;
    case 'button':
      return routeButton(incoming.payload);
    case 'location':
      return nearbyPlaces;
    case 'unsupported':
      return unsupported;
    case 'text': {
      const intent = routeText(ctx, incoming.text);
      // The first message of a new chat is answered and followed by the welcome and privacy notice.
      if (ctx.chat.consentAt === null && intent === question) {
        return async (context) => [...(await question(context)), ...(await start(context))];
      }
      return intent;
    }
  }
};
