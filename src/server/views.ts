import { Router } from 'express';
import { findItem } from '../content/contact.js';
import { languageFromCode } from '../content/languages.js';
import { viewPath } from '../content/links.js';
import type { ItemKind, Region, SearchableItem, TextBlock } from '../content/model.js';
import type { RegionRegistry } from '../content/registry.js';
import { escapeHtml } from './html.js';

/**
 * Lotse's public, read-only views of content, linked from answers when a page has no Integreat
 * URL: plain HTML built from the extracted text (never the source HTML), right-to-left aware.
 */

export function layout(title: string, language: string, body: string): string {
  const { dir } = languageFromCode(language);
  return `<!doctype html>
<html lang="${escapeHtml(language)}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:1rem auto;padding:0 1rem;line-height:1.5}nav a{margin-inline-end:.6rem}small{color:#555}</style>
</head><body>${body}</body></html>`;
}

function blocksToHtml(blocks: TextBlock[]): string {
  const html: string[] = [];
  let inList = false;
  for (const block of blocks) {
    if (block.kind === 'item' && !inList) html.push('<ul>');
    if (block.kind !== 'item' && inList) html.push('</ul>');
    inList = block.kind === 'item';
    const text = escapeHtml(block.text);
    html.push(block.kind === 'heading' ? `<h2>${text}</h2>` : block.kind === 'item' ? `<li>${text}</li>` : `<p>${text}</p>`);
  }
  if (inList) html.push('</ul>');
  return html.join('\n');
}

function itemView(region: Region, kind: ItemKind, item: SearchableItem): string {
  const translations = Object.entries(item.translations)
    .map(([language, id]) => {
      const other = findItem(region, kind, id);
      const name = region.languages.find((entry) => entry.code === language)?.nativeName ?? language;
      return other ? `<a href="${escapeHtml(viewPath(region.slug, kind, other))}" hreflang="${escapeHtml(language)}" lang="${escapeHtml(language)}">${escapeHtml(name)}</a>` : '';
    })
    .join('');
  const links = item.text.links.filter((link) => /^(https?:|mailto:|tel:)/i.test(link.href));
  return layout(
    `${item.title} – ${region.name}`,
    item.language,
    `<nav>${translations}</nav>
<p><small>${escapeHtml(region.name)}</small></p>
<h1>${escapeHtml(item.title)}</h1>
${blocksToHtml(item.text.blocks)}
${links.length > 0 ? `<ul>${links.map((link) => `<li><a href="${escapeHtml(link.href)}" rel="noopener nofollow">${escapeHtml(link.text || link.href)}</a></li>`).join('')}</ul>` : ''}
${item.url ? `<p><a href="${escapeHtml(item.url)}">Integreat</a></p>` : ''}
${item.lastUpdated ? `<p><small>${escapeHtml(item.lastUpdated.slice(0, 10))}</small></p>` : ''}`,
  );
}

const PRIVACY: Record<string, { title: string; body: string[] }> = {
  en: {
    title: 'Privacy notice',
    body: [
      'Lotse answers questions about life in your town. To do that it stores only: the id of your chat on the messenger, your chosen language and town, the news topics you subscribed to, the list of your last search results (for “more results”), and when you first saw this notice.',
      'Your messages are never stored together with your chat id. Questions the bot could not answer, and questions you marked 👎, are kept without any chat or user id so that staff can improve the information.',
      'Send /delete (or write “delete my data”) and everything stored about your chat is removed at once.',
      'The messenger you use (for example Telegram or WhatsApp) processes your messages under its own privacy policy.',
    ],
  },
  de: {
    title: 'Datenschutzhinweis',
    body: [
      'Lotse beantwortet Fragen zum Leben in Ihrer Stadt. Dafür speichert Lotse nur: die Kennung Ihres Chats beim Messenger, die gewählte Sprache und Stadt, die abonnierten Themen, die Liste Ihrer letzten Suchergebnisse (für „Weitere Ergebnisse“) und wann Sie diesen Hinweis zuerst gesehen haben.',
      'Ihre Nachrichten werden nie zusammen mit Ihrer Chat-Kennung gespeichert. Fragen, die der Bot nicht beantworten konnte, und Fragen, die Sie mit 👎 markiert haben, werden ohne Chat- oder Nutzerkennung aufbewahrt, damit die Informationen verbessert werden können.',
      'Mit /delete (oder „Daten löschen“) wird alles, was zu Ihrem Chat gespeichert ist, sofort gelöscht.',
      'Der Messenger, den Sie nutzen (zum Beispiel Telegram oder WhatsApp), verarbeitet Ihre Nachrichten nach seinen eigenen Datenschutzbestimmungen.',
    ],
  },
};

export function viewsRouter(registry: RegionRegistry): Router {
  const router = Router();
  for (const [segment, kind] of [['pages', 'page'], ['events', 'event'], ['places', 'poi']] as const) {
    router.get(`/${segment}/:region/:lang/:id`, (request, response) => {
      const entry = registry.get(request.params.region);
      const item = entry ? findItem(entry.region, kind, request.params.id) : undefined;
      if (entry === undefined || item === undefined || item.language !== request.params.lang) {
        response.status(404).type('html').send(layout('Not found', 'en', '<h1>Not found</h1>'));
        return;
      }
      response.type('html').send(itemView(entry.region, kind, item));
    });
  }
  router.get('/privacy', (request, response) => {
    const wanted = typeof request.query.lang === 'string' ? request.query.lang : 'en';
    const language = wanted in PRIVACY ? wanted : 'en';
    const text = PRIVACY[language]!;
    response.type('html').send(layout(text.title, language, `<h1>${escapeHtml(text.title)}</h1>${text.body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')}`));
  });
  return router;
}
