import type { Intent } from '../src/core/context.js';
import { payload } from '../src/core/message.js';

/** /delete: after confirmation, everything stored about the chat is removed. */
export const confirmDelete: Intent = (ctx) => [
  ctx.reply([{ kind: 'text', text: ctx.t('delete.confirm') }], [[{ label: ctx.t('delete.yes'), payload: payload('del', 'yes') }, { label: ctx.t('delete.no'), payload: payload('del', 'no') }]]),
];

export function deleteChat(answer: string): Intent {
  return (ctx) => {
    if (answer !== 'yes') return [ctx.reply([{ kind: 'text', text: ctx.t('delete.cancelled') }])];
    ctx.forget = true;
    return [ctx.reply([{ kind: 'text', text: ctx.t('delete.done') }])];
  };
}
