import type { ConversationContext, Intent } from '../src/core/context.js';
import { languageFromCode, readingOrder } from '../src/content/languages.js';
import type { Reply } from '../src/core/message.js';
import { languageButtons, menuButtons, regionButtons } from './shared.js';

/** Language and region: showing the choice, and taking it. */

export const chooseLanguage: Intent = (ctx) => [ctx.reply([{ kind: 'text', text: ctx.t('settings.chooseLanguage') }], languageButtons(ctx))];

export const chooseRegion: Intent = (ctx) => {
  const regions = ctx.registry.list();
  if (regions.length <= 1) return [ctx.reply([{ kind: 'text', text: ctx.t('settings.onlyRegion', { region: regions[0]?.region.name ?? '—' }) }])];
  return [ctx.reply([{ kind: 'text', text: ctx.t('settings.chooseRegion') }], regionButtons(ctx))];
};

/** `lang:<code>`: the chosen language rules from now on; the confirmation is already in it. */
export function setLanguage(code: string): Intent {
  return (ctx) => {
    const known = ctx.texts.supports(code) || ctx.region?.region.languages.some((language) => language.code === code);
    if (!known) return chooseLanguage(ctx);
    ctx.chat.language = code;
    ctx.chat.languageChosen = true;
    ctx.chat.consentAt ??= ctx.now().toISOString();
    return [inLanguage(ctx, code, (t) => [{ kind: 'text', text: t('welcome.languageSet') }, ...noPagesNote(ctx, code, t), { kind: 'text', text: t('welcome.ready') }], true)];
  };
}

/** `region:<slug>`. */
export function setRegion(slug: string): Intent {
  return (ctx) => {
    const entry = ctx.registry.get(slug);
    if (entry === undefined) return chooseRegion(ctx);
    ctx.chat.region = slug;
    ctx.chat.lastResults = null;
    ctx.region = entry;
    const confirmation = ctx.reply([{ kind: 'text', text: ctx.t('welcome.regionSet', { region: entry.region.name }) }]);
    if (ctx.chat.languageChosen) return [confirmation];
    return [confirmation, ctx.reply([{ kind: 'text', text: ctx.t('welcome.chooseLanguage') }], languageButtons(ctx))];
  };
}

/** A region without pages in the chosen language: say so, and in which languages answers will come. */
function noPagesNote(ctx: ConversationContext, code: string, t: ConversationContext['t']): Reply['blocks'] {
  const entry = ctx.region;
  if (entry === null || entry.search.languages.includes(code)) return [];
  const answersIn = readingOrder(code, entry.search.languages, entry.region.defaultLanguage).map((language) => languageFromCode(language).nativeName);
  return [{ kind: 'note', text: t('settings.noPagesInLanguage', { region: entry.region.name, languages: answersIn.join(', ') }) }];
}

function inLanguage(ctx: ConversationContext, code: string, blocks: (t: ConversationContext['t']) => Reply['blocks'], withMenu: boolean): Reply {
  const language = ctx.texts.replyLanguage(code);
  const t = ctx.texts.t(language);
  const reply: Reply = { language, dir: ctx.texts.direction(language), blocks: blocks(t) };
  if (withMenu) reply.buttons = menuButtons({ ...ctx, t });
  return reply;
}
