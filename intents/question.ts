import { languageFromCode } from '../src/content/languages.js';
import { findItem, regionContact } from '../src/content/contact.js';
import type { Event, Poi, SearchableItem } from '../src/content/model.js';
import type { ConversationContext, Intent } from '../src/core/context.js';
import { payload, type Block, type Button } from '../src/core/message.js';
import { SUGGESTIONS } from '../src/core/bot-answer.js';
import { MAX_QUERY_LENGTH, type Hit } from '../src/search/engine.js';
import { formatEventTime } from './events.js';
import { start } from './start.js';

/**
 * The default intent: search the region and answer with the best page — its title, the
 * sentences that answer, a link — or say honestly that nothing good was found.
 */

const MORE_PAGE_SIZE = 3;

export const question: Intent = (ctx) => {
  const text = ctx.incoming.kind === 'text' ? ctx.incoming.text.trim() : '';
  if (text === '') return [ctx.reply([{ kind: 'text', text: ctx.t('answer.empty') }])];
  if (ctx.region === null) return start(ctx);
  const { region, search } = ctx.region;
  const result = search.search({ text, language: ctx.language, sentencesFor: 1 });
  const topHits = result.hits.slice(0, 3).map((hit) => ({ id: hit.item.id, title: hit.item.title, score: Math.round(hit.score * 100) / 100 }));
  ctx.chat.lastResults = { region: region.slug, items: result.hits.map((hit) => ({ kind: hit.kind, id: hit.item.id })), shown: 1 };
  const notes: Block[] = text.length > MAX_QUERY_LENGTH ? [{ kind: 'note', text: ctx.t('answer.tooLong') }] : [];

  ctx.outcome = result.verdict === 'answer' ? 'answered' : 'unanswered';
  ctx.questionLog.countQuestion(region.slug, ctx.language, ctx.outcome === 'answered' ? { id: result.hits[0]!.item.id, title: result.hits[0]!.item.title } : null);
  if (ctx.outcome === 'unanswered') {
    ctx.questionLog.record({ region: region.slug, language: ctx.language, text, reason: 'unanswered', confidence: result.confidence, topHits });
    if (result.verdict === 'suggest') {
      ctx.questionLog.countSuggestion(region.slug, ctx.language);
      ctx.chat.lastResults.shown = Math.min(SUGGESTIONS, result.hits.length);
      return [didYouMean(ctx, result.hits, notes)];
    }
    ctx.chat.lastResults.shown = 0;
    return [noGoodAnswer(ctx, result.hits, notes)];
  }
  const token = ctx.recentQuestions.remember({ region: region.slug, language: ctx.language, text, confidence: result.confidence, topHits });
  const best = result.hits[0]!;
  const buttons: Button[][] = [];
  if (result.hits.length > 1) buttons.push([{ label: ctx.t('answer.more'), payload: 'more' }]);
  buttons.push([
    { label: ctx.t('answer.helpful'), payload: payload('fb', 'up', token) },
    { label: ctx.t('answer.notHelpful'), payload: payload('fb', 'down', token) },
  ]);
  const placesButton = nearbyButton(ctx, text);
  if (placesButton) buttons.push([placesButton]);
  return [ctx.reply([...notes, ...answerBlocks(ctx, best.item, best.kind, best.sentences)], buttons)];
};

/** "Arzt", "Kita": when the question names a kind of place the region has, offer the nearest ones. */
function nearbyButton(ctx: ConversationContext, text: string): Button | null {
  const languages = [...new Set([ctx.language, ctx.texts.replyLanguage(ctx.language), 'en', 'de'])];
  const categories = ctx.texts.categoriesIn(text, languages).filter((category) => ctx.region!.region.pois.some((poi) => poi.category?.id === category || poi.category?.icon === category));
  if (categories.length === 0) return null;
  return { label: ctx.t('menu.places'), payload: payload('places', ...categories.slice(0, 3)) };
}

/** Not sure: the best pages as choices, and the way on when none of them fits. */
function didYouMean(ctx: ConversationContext, hits: Hit[], notes: Block[]) {
  const choices = hits.slice(0, SUGGESTIONS).map((hit, index) => [{ label: truncate(hit.item.title, 60), payload: payload('pick', index) }]);
  if (hits.length > SUGGESTIONS) choices.push([{ label: ctx.t('answer.more'), payload: 'more' }]);
  return ctx.reply([...notes, { kind: 'text', text: ctx.t('answer.didYouMean') }], choices);
}

function noGoodAnswer(ctx: ConversationContext, hits: Hit[], notes: Block[]) {
  const { t } = ctx;
  const blocks: Block[] = [...notes, { kind: 'text', text: t('answer.noGoodAnswer') }];
  const closest = hits.slice(0, 3);
  if (closest.length > 0) blocks.push({ kind: 'text', text: t('answer.closest') });
  const contact = regionContact(ctx.region!.region, ctx.language);
  if (contact) {
    blocks.push({ kind: 'text', text: t('answer.contact', { region: ctx.region!.region.name }) });
    const { place, contact: details } = contact;
    blocks.push({ kind: 'place', title: place.title, address: formatAddress(place), details: [details.phone, details.email, details.website].filter((value): value is string => Boolean(value)), location: place.coordinates });
  }
  return ctx.reply(blocks, closest.map((hit, index) => [{ label: truncate(hit.item.title, 60), payload: payload('hit', index) }]));
}

/** Title, "not in your language" note, when/where for events and places, the quoted sentences, the link. */
export function answerBlocks(ctx: ConversationContext, item: SearchableItem, kind: Hit['kind'], sentences: string[]): Block[] {
  const { t } = ctx;
  const blocks: Block[] = [{ kind: 'title', text: item.title }];
  if (item.language !== ctx.language) {
    const language = languageFromCode(item.language).nativeName;
    // A region without pages in the user's language at all: say where the answer comes from.
    const hasLanguage = ctx.region!.search.languages.includes(ctx.language);
    blocks.push({ kind: 'note', text: hasLanguage ? t('answer.otherLanguage', { language }) : t('answer.foundIn', { language }) });
  }
  if (kind === 'event') blocks.push({ kind: 'text', text: formatEventTime(ctx, item as Event, new Date((item as Event).start), new Date((item as Event).end)) });
  if (kind === 'poi') blocks.push({ kind: 'text', text: formatAddress(item as Poi) });
  const quoted = sentences.length > 0 ? sentences : item.text.sentences.filter((sentence) => item.text.blocks[sentence.block]?.kind !== 'heading').slice(0, 2).map((sentence) => sentence.text);
  for (const sentence of quoted) blocks.push({ kind: 'quote', text: sentence });
  blocks.push({ kind: 'link', url: ctx.linkTo(ctx.region!.region.slug, kind, item), label: t('answer.readMore') });
  return blocks;
}

export function formatAddress(poi: Poi): string {
  const { street, postcode, city } = poi.address;
  return [street, [postcode, city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** "more": the next results of the last question, as buttons. */
export const more: Intent = (ctx) => {
  const last = ctx.chat.lastResults;
  if (last === null || ctx.region === null || last.region !== ctx.region.region.slug || last.shown >= last.items.length) {
    return [ctx.reply([{ kind: 'text', text: ctx.t('answer.noMore') }])];
  }
  const next = last.items.slice(last.shown, last.shown + MORE_PAGE_SIZE);
  const buttons = next.flatMap((entry, offset) => {
    const item = findItem(ctx.region!.region, entry.kind, entry.id);
    return item ? [[{ label: truncate(item.title, 60), payload: payload('hit', last.shown + offset) }]] : [];
  });
  last.shown += next.length;
  if (last.shown < last.items.length) buttons.push([{ label: ctx.t('answer.more'), payload: 'more' }]);
  return [ctx.reply([{ kind: 'text', text: ctx.t('answer.moreResults', { count: buttons.length - (last.shown < last.items.length ? 1 : 0) }) }], buttons)];
};

/** `pick:<n>`: a "did you mean" choice taken — opened like a result, and counted (anonymously) for staff. */
export function pickSuggestion(index: number): Intent {
  return (ctx) => {
    if (ctx.region !== null && ctx.chat.lastResults?.items[index] !== undefined) ctx.questionLog.countChoice(ctx.region.region.slug, ctx.language, index + 1);
    return openHit(index)(ctx);
  };
}

/** `hit:<n>`: open one of the last results. */
export function openHit(index: number): Intent {
  return (ctx) => {
    const entry = ctx.chat.lastResults?.items[index];
    const item = entry && ctx.region && ctx.chat.lastResults?.region === ctx.region.region.slug ? findItem(ctx.region.region, entry.kind, entry.id) : undefined;
    if (entry === undefined || item === undefined) return [ctx.reply([{ kind: 'text', text: ctx.t('errors.unknownButton') }])];
    return [ctx.reply(answerBlocks(ctx, item, entry.kind, []))];
  };
}

/** `fb:up:<token>` / `fb:down:<token>`: 👍/👎, logged without anything that points to the chat. */
export function feedbackOnAnswer(direction: string, token: string): Intent {
  return (ctx) => {
    const asked = ctx.recentQuestions.take(token);
    if (asked === null) return [ctx.reply([{ kind: 'text', text: ctx.t('feedback.thanks') }])];
    const helpful = direction === 'up';
    ctx.questionLog.record({ ...asked, reason: helpful ? 'helpful' : 'not-helpful' });
    return [ctx.reply([{ kind: 'text', text: ctx.t(helpful ? 'feedback.thanks' : 'feedback.sorry') }])];
  };
}
