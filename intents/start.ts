import type { Intent } from '../src/core/context.js';
import { languageButtons, regionButtons, regionName } from './shared.js';

/**
 * /start and first contact: a greeting, the two-line privacy notice with a link to the full
 * text, then the choice of region (when there are several) or language.
 */
export const start: Intent = (ctx) => {
  const { t } = ctx;
  ctx.chat.awaiting = null;
  ctx.chat.consentAt ??= ctx.now().toISOString();
  const privacy = [
    { kind: 'note' as const, text: t('welcome.privacy') },
    { kind: 'link' as const, url: ctx.privacyUrl(ctx.language), label: t('welcome.privacyLink') },
  ];
  if (ctx.region === null) {
    return [ctx.reply([{ kind: 'text', text: t('welcome.greeting', { region: regionName(ctx) }) }, ...privacy, { kind: 'text', text: t('welcome.chooseRegion') }], regionButtons(ctx))];
  }
  return [ctx.reply([{ kind: 'text', text: t('welcome.greeting', { region: regionName(ctx) }) }, ...privacy, { kind: 'text', text: t('welcome.chooseLanguage') }], languageButtons(ctx))];
};
