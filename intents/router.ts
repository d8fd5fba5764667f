import type { ConversationContext, Intent, Router } from '../src/core/context.js';
import { parsePayload } from '../src/core/message.js';
import { understandText, type TextIntent } from '../src/core/understand.js';
import { confirmDelete, deleteChat } from './delete.js';
import { emergency } from './emergency.js';
import { events, eventsIn, weekendEvents } from './events.js';
import { askFeedback, receiveFeedback } from './feedback.js';
import { help } from './help.js';
import { askLocation, nearbyPlaces } from './places.js';
import { feedbackOnAnswer, more, openHit, pickSuggestion, question } from './question.js';
import { chooseLanguage, chooseRegion, setLanguage, setRegion } from './settings.js';
import { start } from './start.js';
import { chooseTopics, chooseUnsubscribe, subscribe, unsubscribe } from './subscribe.js';

/**
 * Which intent answers a message: commands and buttons by name, locations to places, and
 * text by what it asks for (`understandText`; emergencies always first), else a question.
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
    case 'pick':
      return /^[0-2]$/.test(first) ? pickSuggestion(Number(first)) : unknownButton;
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

const WORD_ROUTES: Record<Extract<TextIntent, { kind: 'word' }>['intent'], (ctx: ConversationContext) => Intent> = {
  greeting: (ctx) => (ctx.chat.consentAt === null ? start : welcomeBack),
  thanks: () => thanks,
  help: () => help,
  unsubscribe: () => chooseUnsubscribe,
  subscribe: () => chooseTopics,
  delete: () => confirmDelete,
  language: () => chooseLanguage,
  region: () => chooseRegion,
  feedback: () => askFeedback,
};

function routeText(ctx: ConversationContext, text: string): Intent {
  const understood = understandText(ctx.texts, text, ctx.language);
  if (understood.kind === 'emergency') return emergency(understood.category);
  if (ctx.chat.awaiting === 'feedback') return receiveFeedback;
  if (ctx.chat.consentAt === null && ctx.chat.region === null && ctx.registry.size > 1) return start;
  switch (understood.kind) {
    case 'word':
      return WORD_ROUTES[understood.intent](ctx);
    case 'events':
      return eventsIn(understood.window);
    case 'places':
      return askLocation(understood.categories);
    case 'question':
      return question;
  }
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
