import type { Intent } from '../src/core/context.js';
import type { Block } from '../src/core/message.js';

/**
 * Emergency words answer at once, before any search: the numbers first, then the region's
 * page about emergencies when one is found.
 */
const EMERGENCY_QUERY = 'Notruf Notfall 112 Notaufnahme emergency';

export const emergency: Intent = (ctx) => {
  const { t } = ctx;
  const blocks: Block[] = [
    { kind: 'title', text: `🚨 ${t('emergency.title')}` },
    { kind: 'list', items: [t('emergency.ambulance'), t('emergency.police'), t('emergency.doctor')] },
    { kind: 'note', text: t('emergency.free') },
  ];
  const page = ctx.region?.search.search({ text: EMERGENCY_QUERY, language: ctx.language, kinds: ['page'], limit: 1 }).hits[0];
  if (page && ctx.region) blocks.push({ kind: 'link', url: ctx.linkTo(ctx.region.region.slug, 'page', page.item), label: `${t('emergency.page')} ${page.item.title}` });
  return [ctx.reply(blocks)];
};
