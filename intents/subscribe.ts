import type { ConversationContext, Intent } from '../src/core/context.js';
import { payload } from '../src/core/message.js';
import { regionName } from './shared.js';
import { start } from './start.js';

/** Announcement topics of a region: the user picks which to receive, and can stop any time. */
export const TOPICS = ['news', 'events', 'courses', 'emergencies'] as const;
export type Topic = (typeof TOPICS)[number];

const topicName = (ctx: ConversationContext, topic: string) => ctx.t(`subscribe.topics.${topic}`, { defaultValue: topic });

function current(ctx: ConversationContext): string {
  return ctx.chat.topics.length === 0 ? ctx.t('subscribe.noneSubscribed') : ctx.t('subscribe.current', { topics: ctx.chat.topics.map((topic) => topicName(ctx, topic)).join(', ') });
}

export const chooseTopics: Intent = (ctx) => {
  if (ctx.region === null) return start(ctx);
  const open = TOPICS.filter((topic) => !ctx.chat.topics.includes(topic));
  return [ctx.reply([{ kind: 'text', text: ctx.t('subscribe.choose', { region: regionName(ctx) }) }, { kind: 'note', text: current(ctx) }], open.map((topic) => [{ label: `🔔 ${topicName(ctx, topic)}`, payload: payload('sub', topic) }]))];
};

export const chooseUnsubscribe: Intent = (ctx) => {
  if (ctx.chat.topics.length === 0) return [ctx.reply([{ kind: 'text', text: ctx.t('subscribe.noneSubscribed') }])];
  return [ctx.reply([{ kind: 'text', text: ctx.t('subscribe.chooseUnsubscribe') }], ctx.chat.topics.map((topic) => [{ label: `🔕 ${topicName(ctx, topic)}`, payload: payload('unsub', topic) }]))];
};

export function subscribe(topic: string): Intent {
  return (ctx) => {
    if (!(TOPICS as readonly string[]).includes(topic)) return chooseTopics(ctx);
    if (!ctx.chat.topics.includes(topic)) ctx.chat.topics = [...ctx.chat.topics, topic];
    ctx.chat.consentAt ??= ctx.now().toISOString();
    return [ctx.reply([{ kind: 'text', text: ctx.t('subscribe.subscribed', { topic: topicName(ctx, topic) }) }])];
  };
}

export function unsubscribe(topic: string): Intent {
  return (ctx) => {
    ctx.chat.topics = ctx.chat.topics.filter((item) => item !== topic);
    return [ctx.reply([{ kind: 'text', text: ctx.t('subscribe.unsubscribed', { topic: topicName(ctx, topic) }) }])];
  };
}
