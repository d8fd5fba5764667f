import express, { type Express } from 'express';
import type { RegionRegistry } from '../content/registry.js';
import { escapeHtml } from './html.js';
import { viewsRouter } from './views.js';
import { securityHeaders } from './security.js';

/**
 * Lotse's HTTP server: health, the region overview, and (in later modules) the page views,
 * webhooks and the staff console, all on one express app.
 */

export interface AppDependencies {
  registry: RegionRegistry;
  version: string;
  startedAt: Date;
}

export function regionSummaries(registry: RegionRegistry) {
  return registry.list().map(({ region, loadedAt, problems }) => ({
    slug: region.slug,
    name: region.name,
    defaultLanguage: region.defaultLanguage,
    languages: region.languages.map((language) => ({
      code: language.code,
      nativeName: language.nativeName,
      dir: language.dir,
      pages: region.pages.filter((page) => page.language === language.code).length,
      events: region.events.filter((event) => event.language === language.code).length,
      pois: region.pois.filter((poi) => poi.language === language.code).length,
    })),
    source: region.source.kind,
    loadedAt: loadedAt.toISOString(),
    skippedItems: problems.length,
  }));
}

/** Later modules (bot webhooks, console) add their routes to the same app. */
export type Mount = (app: Express) => void;

export function createApp({ registry, version, startedAt }: AppDependencies, extra: Mount[] = []): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());

  app.get('/healthz', (_request, response) => {
    const regions = regionSummaries(registry);
    response.status(regions.length > 0 ? 200 : 503).json({
      status: regions.length > 0 ? 'ok' : 'no regions loaded',
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      regions: regions.map(({ slug, languages }) => ({ slug, languages: languages.map((language) => language.code) })),
    });
  });

  // The region overview; `/` itself is the staff console.
  app.get('/regions', (_request, response) => {
    const rows = regionSummaries(registry)
      .map(
        (region) => `<li><strong>${escapeHtml(region.name)}</strong> (<code>${escapeHtml(region.slug)}</code>) — ${region.languages
          .map((language) => `<span lang="${escapeHtml(language.code)}" dir="${language.dir}">${escapeHtml(language.nativeName)}</span> ${language.pages}`)
          .join(', ')} pages</li>`,
      )
      .join('\n');
    response.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lotse</title></head>
<body><h1>Lotse</h1><p>Local integration information in the messengers newcomers use.</p>
<h2>Regions</h2><ul>${rows || '<li>No region loaded.</li>'}</ul></body></html>`);
  });

  app.use(viewsRouter(registry));
  for (const mount of extra) mount(app);

  return app;
}
