import { emergencyPage } from '../src/core/bot-answer.js';
import type { Intent } from '../src/core/context.js';
import type { EmergencyCategory } from '../src/core/i18n.js';
import type { Block } from '../src/core/message.js';

/**
 * Emergencies answer at once, before any search: the numbers first, what to do for this kind of
 * emergency (a crisis line for suicidal thoughts, the violence helpline, "leave the flat" for a
 * fire), then the region's page that fits, in the user's language.
 */
const ADVICE: Partial<Record<EmergencyCategory, string>> = {
  poisoning: 'emergency.advice.poisoning',
  suicide: 'emergency.advice.suicide',
  violence: 'emergency.advice.violence',
  fire: 'emergency.advice.fire',
  child: 'emergency.advice.child',
};

export function emergency(category: EmergencyCategory = 'general'): Intent {
  return (ctx) => {
    const { t } = ctx;
    const advice = ADVICE[category];
    const blocks: Block[] = [
      { kind: 'title', text: `🚨 ${t('emergency.title')}` },
      { kind: 'list', items: [t('emergency.ambulance'), t('emergency.police'), t('emergency.doctor')] },
      ...(advice ? [{ kind: 'text' as const, text: t(advice) }] : []),
      { kind: 'note', text: t('emergency.free') },
    ];
    const page = ctx.region ? emergencyPage(ctx.region, ctx.language, category) : undefined;
    if (page && ctx.region) blocks.push({ kind: 'link', url: ctx.linkTo(ctx.region.region.slug, 'page', page.item), label: `${t('emergency.page')} ${page.item.title}` });
    return [ctx.reply(blocks)];
  };
}
