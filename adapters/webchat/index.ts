import express, { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { ChannelSender } from '../../src/broadcast/channel.js';
import type { RegionRegistry } from '../../src/content/registry.js';
import type { Conversation } from '../../src/core/conversation.js';
import { textOrCommand, type Incoming, type Reply } from '../../src/core/message.js';
import { resolvePackagePath } from '../../src/paths.js';
import type { Db } from '../../src/store/database.js';

/**
 * The embeddable web chat: `/webchat.js` is the widget a municipality puts on its website;
 * it talks JSON over HTTP to `/webchat/api/`. No cookies — each browser keeps a random id — and
 * no third-party requests. Announcements wait in an inbox the widget fetches.
 */

export const CHANNEL = 'webchat';

const messageSchema = z.object({
  clientId: z.string().regex(/^[\w-]{16,64}$/),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]+)?$/).optional(),
  text: z.string().max(4000).optional(),
  payload: z.string().max(64).optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
});

export function toIncoming(body: z.infer<typeof messageSchema>): Incoming {
  const base = { channel: CHANNEL, chatId: body.clientId, ...(body.language ? { languageHint: body.language } : {}) };
  if (body.payload !== undefined) return { ...base, kind: 'button', payload: body.payload };
  if (body.location !== undefined) return { ...base, kind: 'location', location: body.location };
  return textOrCommand(base, body.text ?? '');
}

/** Cross-origin: the widget runs on the municipality's site and calls Lotse. */
function crossOrigin(origins: string[]): RequestHandler {
  return (request, response, next) => {
    const origin = request.get('origin');
    if (origins.includes('*')) response.set('access-control-allow-origin', '*');
    else if (origin && origins.includes(origin)) response.set({ 'access-control-allow-origin': origin, vary: 'Origin' });
    response.set({ 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'cross-origin-resource-policy': 'cross-origin' });
    if (request.method === 'OPTIONS') return void response.sendStatus(204);
    next();
  };
}

export function webchatRouter(deps: { conversation: Conversation; registry: RegionRegistry; db: Db; origins?: string[]; perMinute?: number }): Router {
  const router = Router();
  const cors = crossOrigin(deps.origins ?? ['*']);
  const limiter = rateLimit({ windowMs: 60_000, limit: deps.perMinute ?? 60, standardHeaders: 'draft-7', legacyHeaders: false });
  const takeInbox = deps.db.prepare<[string], { id: number; reply: string }>('SELECT id, reply FROM webchat_inbox WHERE chat_id = ? ORDER BY id LIMIT 20');
  const dropInbox = deps.db.prepare('DELETE FROM webchat_inbox WHERE chat_id = ? AND id <= ?');

  router.get('/webchat.js', cors, (_request, response) => {
    response.type('application/javascript').set('cache-control', 'public, max-age=3600').sendFile(resolvePackagePath('adapters/webchat/widget.js'));
  });
  // A page to try the widget on Lotse's own server.
  router.get('/webchat', (request, response) => {
    const region = String(request.query.region ?? deps.registry.list()[0]?.region.slug ?? '').replace(/[^\w-]/g, '');
    response.type('html').send(`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Lotse web chat</title><link rel="icon" href="data:,"></head>
<body style="font-family:system-ui;max-width:40rem;margin:2rem auto;padding:0 1rem"><h1>Lotse web chat</h1>
<p>Embed: <code>&lt;script src="${request.protocol}://${request.get('host')}/webchat.js" data-region="${region}" async&gt;&lt;/script&gt;</code></p>
<script src="/webchat.js" data-region="${region}"></script></body></html>`);
  });
  router.use('/webchat/api', cors, limiter, express.json({ limit: '16kb' }));

  router.get('/webchat/api/config', (request, response) => {
    const entry = deps.registry.get(String(request.query.region ?? '')) ?? deps.registry.list()[0];
    if (entry === undefined) return void response.status(404).json({ error: 'no region' });
    const { region } = entry;
    response.json({ region: region.slug, name: region.name, defaultLanguage: region.defaultLanguage, languages: region.languages });
  });

  router.post('/webchat/api/message', async (request, response) => {
    const body = messageSchema.safeParse(request.body);
    if (!body.success) return void response.status(400).json({ error: 'a message needs a clientId and a text, payload or location' });
    const replies = await deps.conversation.handle(toIncoming(body.data));
    response.json({ replies });
  });

  router.get('/webchat/api/inbox', (request, response) => {
    const clientId = String(request.query.clientId ?? '');
    if (!/^[\w-]{16,64}$/.test(clientId)) return void response.status(400).json({ error: 'clientId' });
    const rows = takeInbox.all(clientId);
    if (rows.length > 0) dropInbox.run(clientId, rows.at(-1)!.id);
    response.json({ replies: rows.map((row) => JSON.parse(row.reply) as Reply) });
  });

  router.use('/webchat/api', (error: unknown, _request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (response.headersSent) return next(error);
    response.status(error && typeof error === 'object' && 'status' in error && (error as { status: number }).status === 400 ? 400 : 500).json({ error: 'bad request' });
  });
  return router;
}

/** Announcements for web chat users wait in the inbox until their widget asks. */
export function webchatSender(db: Db, now: () => number = Date.now): ChannelSender {
  const insert = db.prepare('INSERT INTO webchat_inbox (chat_id, reply, created_at) VALUES (?, ?, ?)');
  return {
    limits: { perSecond: Infinity, perChatPerSecond: Infinity },
    async send(chatId, reply) {
      insert.run(chatId, JSON.stringify(reply), now());
    },
  };
}
