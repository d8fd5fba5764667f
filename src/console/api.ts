import express, { Router, type Response } from 'express';
import { z } from 'zod';
import { renderForTelegram } from '../../adapters/telegram/render.js';
import { renderForTerminal } from '../../adapters/terminal/render.js';
import { AnnouncementError, type Announcements } from '../broadcast/announcements.js';
import type { RegionRegistry } from '../content/registry.js';
import type { Conversation } from '../core/conversation.js';
import { textOrCommand, type Incoming, type Reply } from '../core/message.js';
import type { Db } from '../store/database.js';
import { mayAccess, type StaffAccounts } from './accounts.js';
import { HttpError, apiErrors, checkRegion, requireCsrf, requireSession, sessionOf } from './http.js';
import { groupQuestions, type LoggedRow } from './question-groups.js';

/**
 * The console's JSON API under `/api/console/`: every route needs a session, every
 * state-changing one its CSRF token, and everything about a region the right to that region.
 */

export interface ConsoleApiDeps {
  accounts: StaffAccounts;
  registry: RegionRegistry;
  db: Db;
  announcements: Announcements;
  /** Wakes the broadcast engine after an announcement was created. */
  onAnnouncement: () => void;
  /** A conversation on a throwaway store: previews and the web chat leave nothing behind. */
  preview: Conversation;
  /** Re-imports an Integreat region now; absent when no sync is configured. */
  syncRegion?: (slug: string) => Promise<string>;
  logger: { error: (object: object, message: string) => void };
}

const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  return result.data;
};

const regionQuery = z.object({ region: z.string().min(1) });

function render(channel: string, reply: Reply) {
  if (channel === 'telegram') return { channel, dir: reply.dir, language: reply.language, messages: renderForTelegram(reply) };
  return { channel, dir: reply.dir, language: reply.language, text: renderForTerminal(reply, 1).text, blocks: reply.blocks, buttons: reply.buttons ?? [] };
}

export function consoleApi(deps: ConsoleApiDeps): Router {
  const { accounts, registry, db, announcements } = deps;
  const router = Router();
  router.use('/api/console', requireSession(accounts, 'api'), express.json({ limit: '64kb' }), requireCsrf);
  const user = (response: Response) => sessionOf(response).user;

  router.get('/api/console/me', (_request, response) => {
    const session = sessionOf(response);
    const regions = registry
      .list()
      .filter(({ region }) => mayAccess(session.user, region.slug))
      .map(({ region }) => ({ slug: region.slug, name: region.name, defaultLanguage: region.defaultLanguage, languages: region.languages }));
    response.json({ user: { name: session.user.name, role: session.user.role }, csrfToken: session.csrfToken, regions });
  });

  // Test answers: what the bot would send, rendered for a channel, and why.
  router.post('/api/console/test', async (request, response) => {
    const input = parse(z.object({ region: z.string(), language: z.string().min(2).max(12), channel: z.enum(['telegram', 'plain']).default('telegram'), question: z.string().min(1).max(4000) }), request.body);
    checkRegion(user(response), input.region);
    const entry = registry.get(input.region);
    if (entry === undefined) throw new HttpError(404, 'unknown region');
    const result = entry.search.search({ text: input.question, language: input.language, sentencesFor: 3 });
    const chatId = `preview:${user(response).id}`;
    const base = { channel: 'console-preview', chatId };
    await deps.preview.handle({ ...base, kind: 'button', payload: `region:${input.region}` });
    await deps.preview.handle({ ...base, kind: 'button', payload: `lang:${input.language}` });
    const replies = await deps.preview.handle({ ...base, kind: 'text', text: input.question });
    response.json({
      replies: replies.map((reply) => render(input.channel, reply)),
      why: {
        ...result.explanation,
        confidence: result.confidence,
        threshold: result.explanation.calibration?.answerAt ?? null,
        answered: result.answered,
        verdict: result.verdict,
        ms: Math.round(result.ms * 100) / 100,
        hits: result.hits.map((hit) => ({
          kind: hit.kind,
          id: hit.item.id,
          title: hit.item.title,
          language: hit.item.language,
          score: Math.round(hit.score * 1000) / 1000,
          coverage: Math.round(hit.coverage * 100) / 100,
          matched: hit.matchedTerms,
          sentences: hit.sentences,
          otherLanguage: hit.otherLanguage,
        })),
      },
    });
  });

  // The web chat: the same conversation core, on the throwaway store.
  router.post('/api/console/chat', async (request, response) => {
    const input = parse(
      z.object({ chatId: z.string().regex(/^[\w-]{8,64}$/), language: z.string().max(12).optional(), text: z.string().max(4000).optional(), payload: z.string().max(64).optional(), location: z.object({ lat: z.number(), lon: z.number() }).optional() }),
      request.body,
    );
    const base = { channel: 'console-chat', chatId: `${user(response).id}:${input.chatId}`, ...(input.language ? { languageHint: input.language } : {}) };
    const incoming: Incoming =
      input.payload !== undefined
        ? { ...base, kind: 'button', payload: input.payload }
        : input.location !== undefined
          ? { ...base, kind: 'location', location: input.location }
          : textOrCommand(base, input.text ?? '');
    const replies = await deps.preview.handle(incoming);
    response.json({ replies });
  });

  // Unanswered questions and 👎, grouped.
  router.get('/api/console/unanswered', (request, response) => {
    const { region } = parse(regionQuery, request.query);
    checkRegion(user(response), region);
    const rows = db
      .prepare("SELECT region, language, text, reason, top_hits, created_at FROM question_log WHERE region = ? AND reason IN ('unanswered', 'not-helpful') ORDER BY id DESC LIMIT 5000")
      .all(region) as LoggedRow[];
    const statuses = new Map((db.prepare('SELECT group_key, status FROM question_groups WHERE region = ?').all(region) as { group_key: string; status: string }[]).map((row) => [row.group_key, row.status]));
    response.json(groupQuestions(rows).map((group) => ({ ...group, status: statuses.get(group.key) ?? 'open' })));
  });

  // "Did you mean…?": how often it was offered per language in the last 90 days, and which choice people took.
  router.get('/api/console/suggestions', (request, response) => {
    const { region } = parse(regionQuery, request.query);
    checkRegion(user(response), region);
    const since = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const rows = db
      .prepare(
        `SELECT language, SUM(offered) AS offered, SUM(chose_1) AS first, SUM(chose_2) AS second, SUM(chose_3) AS third
         FROM daily_suggestions WHERE region = ? AND day >= ? GROUP BY language ORDER BY SUM(offered) DESC`,
      )
      .all(region, since) as { language: string; offered: number; first: number; second: number; third: number }[];
    response.json(rows.map((row) => ({ ...row, none: Math.max(0, row.offered - row.first - row.second - row.third) })));
  });

  router.post('/api/console/unanswered/status', (request, response) => {
    const input = parse(z.object({ region: z.string(), key: z.string().regex(/^[0-9a-f]{12}$/), status: z.enum(['open', 'content-added', 'ignored']) }), request.body);
    checkRegion(user(response), input.region);
    db.prepare(
      `INSERT INTO question_groups (region, group_key, status, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (region, group_key) DO UPDATE SET status = excluded.status, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run(input.region, input.key, input.status, user(response).name, new Date().toISOString());
    response.json({ ok: true });
  });

  // Announcements.
  const announcementInput = z.object({
    region: z.string(),
    topic: z.string(),
    texts: z.record(z.string(), z.string()),
    link: z.string().nullish().transform((value) => (value ? value : null)),
    fallback: z.enum(['main', 'none']).default('main'),
    scheduledAt: z.string().optional(),
  });

  router.get('/api/console/announcements', (_request, response) => {
    response.json(announcements.list(100).filter((progress) => mayAccess(user(response), progress.announcement.region)));
  });

  router.post('/api/console/announcements/preview', (request, response) => {
    const input = parse(announcementInput, request.body);
    checkRegion(user(response), input.region);
    response.json(announcements.preview(input));
  });

  router.post('/api/console/announcements', (request, response) => {
    const input = parse(announcementInput, request.body);
    checkRegion(user(response), input.region);
    try {
      const id = announcements.create({ ...input, author: user(response).name });
      deps.onAnnouncement();
      response.status(201).json({ id });
    } catch (error) {
      if (error instanceof AnnouncementError) throw new HttpError(400, error.message);
      throw error;
    }
  });

  router.get('/api/console/announcements/:id', (request, response) => {
    const progress = announcements.progress(Number(request.params.id));
    if (progress === null) throw new HttpError(404, 'not found');
    checkRegion(user(response), progress.announcement.region);
    response.json(progress);
  });

  router.post('/api/console/announcements/:id/cancel', (request, response) => {
    const progress = announcements.progress(Number(request.params.id));
    if (progress === null) throw new HttpError(404, 'not found');
    checkRegion(user(response), progress.announcement.region);
    response.json({ cancelled: announcements.cancel(progress.announcement.id) });
  });

  // Content: languages, counts, translation coverage, last load, problems; sync now.
  router.get('/api/console/content', (_request, response) => {
    response.json(
      registry
        .list()
        .filter(({ region }) => mayAccess(user(response), region.slug))
        .map(({ region, loadedAt, problems }) => {
          const mainPages = region.pages.filter((page) => page.language === region.defaultLanguage);
          return {
            slug: region.slug,
            name: region.name,
            defaultLanguage: region.defaultLanguage,
            source: region.source,
            loadedAt: loadedAt.toISOString(),
            syncable: region.source.kind === 'integreat' && deps.syncRegion !== undefined,
            languages: region.languages.map((language) => ({
              ...language,
              pages: region.pages.filter((page) => page.language === language.code).length,
              events: region.events.filter((event) => event.language === language.code).length,
              places: region.pois.filter((poi) => poi.language === language.code).length,
              coverage: mainPages.length === 0 ? 0 : mainPages.filter((page) => language.code === region.defaultLanguage || page.translations[language.code] !== undefined).length / mainPages.length,
            })),
            problems: problems.slice(0, 100),
            problemCount: problems.length,
          };
        }),
    );
  });

  router.post('/api/console/content/:region/sync', async (request, response) => {
    const region = request.params.region;
    checkRegion(user(response), region);
    const entry = registry.get(region);
    if (entry === undefined) throw new HttpError(404, 'unknown region');
    if (entry.region.source.kind !== 'integreat' || deps.syncRegion === undefined) throw new HttpError(400, 'only regions imported from Integreat can be synced');
    response.json({ outcome: await deps.syncRegion(region) });
  });

  // Overview charts: numbers only.
  router.get('/api/console/overview', (request, response) => {
    const { region } = parse(regionQuery, request.query);
    checkRegion(user(response), region);
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const days = db.prepare('SELECT day, SUM(questions) AS questions, SUM(answered) AS answered FROM daily_stats WHERE region = ? AND day >= ? GROUP BY day ORDER BY day').all(region, since);
    const languages = db.prepare('SELECT language, SUM(questions) AS questions FROM daily_stats WHERE region = ? AND day >= ? GROUP BY language ORDER BY questions DESC').all(region, since);
    const pages = db.prepare('SELECT page_id AS id, MAX(title) AS title, SUM(shown) AS shown FROM daily_pages WHERE region = ? AND day >= ? GROUP BY page_id ORDER BY shown DESC LIMIT 10').all(region, since);
    const deliveries = db
      .prepare(
        `SELECT date(d.updated_at / 1000, 'unixepoch') AS day, COUNT(*) AS sent FROM deliveries d JOIN announcements a ON a.id = d.announcement_id
         WHERE a.region = ? AND d.state = 'sent' AND d.updated_at >= ? GROUP BY day ORDER BY day`,
      )
      .all(region, Date.parse(since));
    response.json({ days, languages, pages, deliveries });
  });

  router.use('/api/console', apiErrors(deps.logger));
  return router;
}
