import type { Intent } from '../src/core/context.js';

/** /feedback: the next message is passed on to staff, anonymised (no chat id is stored with it). */
export const askFeedback: Intent = (ctx) => {
  ctx.chat.awaiting = 'feedback';
  return [ctx.reply([{ kind: 'text', text: ctx.t('feedback.ask') }])];
};

export const receiveFeedback: Intent = (ctx) => {
  ctx.chat.awaiting = null;
  const text = ctx.incoming.kind === 'text' ? ctx.incoming.text.trim().slice(0, 4000) : '';
  if (text !== '') ctx.questionLog.recordFeedback(ctx.region?.region.slug ?? null, ctx.language, text);
  return [ctx.reply([{ kind: 'text', text: ctx.t('feedback.received') }])];
};
