import express, { type Express } from 'express';
import { resolvePackagePath } from '../paths.js';
import { escapeHtml } from '../server/html.js';
import { consoleApi, type ConsoleApiDeps } from './api.js';
import { authRoutes } from './auth-routes.js';
import { requireSession } from './http.js';
import { consoleLanguage, consoleTexts } from './texts.js';

/**
 * The staff console on Lotse's HTTP server: `/` (the app), `/login`, `/setup`, its assets and
 * the JSON API under `/api/console/`. Security headers for everything it serves.
 */

function shell(language: 'de' | 'en'): string {
  const texts = consoleTexts(language);
  const t = (key: string) => {
    let value: unknown = texts;
    for (const part of key.split('.')) value = (value as Record<string, unknown>)[part];
    return escapeHtml(String(value));
  };
  const nav = ['test', 'unanswered', 'announcements', 'content', 'overview'].map((page) => `<a href="#${page}" data-page="${page}">${t(`nav.${page}`)}</a>`).join('');
  // Texts travel as JSON data, not script: the CSP allows no inline scripts.
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('title')}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/console/assets/console.css"><link rel="stylesheet" href="/console/assets/uplot.css"></head>
<body><header><strong>${t('title')}</strong><nav aria-label="${t('title')}">${nav}</nav>
<label class="region">${t('common.region')} <select id="region"></select></label>
<form method="post" action="/logout" class="logout"><input type="hidden" name="csrf_token" id="logout-csrf"><button type="submit">${t('login.logout')}</button></form></header>
<main id="app" aria-live="polite"><p>${t('common.loading')}</p></main>
<script type="application/json" id="texts">${JSON.stringify(texts).replace(/</g, '\\u003c')}</script>
<script src="/console/assets/uplot.js"></script><script type="module" src="/console/assets/console.js"></script></body></html>`;
}

export function mountConsole(app: Express, deps: ConsoleApiDeps, options: { loginLimit?: number } = {}): void {
  app.use('/console/assets', express.static(resolvePackagePath('src/console/assets'), { maxAge: '1h', index: false }));
  app.get('/console/assets/uplot.js', (_request, response) => response.sendFile(resolvePackagePath('node_modules/uplot/dist/uPlot.iife.min.js')));
  app.get('/console/assets/uplot.css', (_request, response) => response.sendFile(resolvePackagePath('node_modules/uplot/dist/uPlot.min.css')));
  app.use(authRoutes(deps.accounts, options));
  app.use(consoleApi(deps));
  app.get('/', requireSession(deps.accounts, 'page'), (request, response) => {
    response.set('cache-control', 'no-store').type('html').send(shell(consoleLanguage(request)));
  });
}
