import { languageFromCode } from '../src/content/languages.js';
import type { ConversationContext } from '../src/core/context.js';
import { payload, type Button } from '../src/core/message.js';

/** Buttons and bits more than one intent uses. */

/** Language buttons in native names: the region's languages first, then the others the bot speaks. */
export function languageButtons(ctx: ConversationContext): Button[][] {
  const regionLanguages = ctx.region?.region.languages ?? [];
  const codes = [...new Set([...regionLanguages.map((language) => language.code), ...ctx.texts.languages])];
  const names = new Map(regionLanguages.map((language) => [language.code, language.nativeName]));
  const buttons = codes.map((code) => ({ label: names.get(code) ?? languageFromCode(code).nativeName, payload: payload('lang', code) }));
  return rows(buttons, 3);
}

export function regionButtons(ctx: ConversationContext): Button[][] {
  return rows(
    ctx.registry.list().map(({ region }) => ({ label: region.name, payload: payload('region', region.slug) })),
    2,
  );
}

export function rows<T>(items: T[], width: number): T[][] {
  const result: T[][] = [];
  for (let at = 0; at < items.length; at += width) result.push(items.slice(at, at + width));
  return result;
}

/** The region's name, or a neutral word before one is chosen. */
export function regionName(ctx: ConversationContext): string {
  return ctx.region?.region.name ?? 'Lotse';
}

/** The menu under onboarding and help. */
export function menuButtons(ctx: ConversationContext): Button[][] {
  const { t } = ctx;
  return [
    [
      { label: t('menu.events'), payload: 'events' },
      { label: t('menu.places'), payload: 'places' },
    ],
    [
      { label: t('menu.subscribe'), payload: 'subscribe' },
      { label: t('menu.language'), payload: 'language' },
      { label: t('menu.help'), payload: 'help' },
    ],
  ];
}
