import { timingSafeEqual } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { AnnouncementError, type Announcements } from '../broadcast/announcements.js';

/**
 * JSON API for announcements (`/api/announcements`), guarded by a bearer token until the staff
 * console's accounts replace it.
 */

const inputSchema = z.object({
  region: z.string(),
  topic: z.string(),
  texts: z.record(z.string(), z.string()),
  link: z.string().nullish().transform((value) => value ?? null),
  author: z.string().min(1).max(100),
  fallback: z.enum(['main', 'none']).default('main'),
  scheduledAt: z.string().optional(),
});

function bearer(token: string): RequestHandler {
  const expected = Buffer.from(token);
  return (request, response, next) => {
    const given = Buffer.from(/^Bearer (.+)$/.exec(request.get('authorization') ?? '')?.[1] ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      response.status(401).json({ error: 'unauthorized' });
      return;
    }
    next();
  };
}

export function announcementsApi(announcements: Announcements, token: string, onCreated: () => void): Router {
  const router = Router();
  router.use('/api/announcements', bearer(token), express.json({ limit: '64kb' }));
  router.get('/api/announcements', (_request, response) => {
    response.json(announcements.list());
  });
  router.post('/api/announcements/preview', (request, response) => {
    const input = inputSchema.safeParse(request.body);
    if (!input.success) return void response.status(400).json({ error: input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
    response.json(announcements.preview(input.data));
  });
  router.post('/api/announcements', (request, response) => {
    const input = inputSchema.safeParse(request.body);
    if (!input.success) return void response.status(400).json({ error: input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
    try {
      const id = announcements.create(input.data);
      onCreated();
      response.status(201).json({ id, progress: id === null ? null : announcements.progress(id) });
    } catch (error) {
      if (!(error instanceof AnnouncementError)) throw error;
      response.status(400).json({ error: error.message });
    }
  });
  router.get('/api/announcements/:id', (request, response) => {
    const progress = announcements.progress(Number(request.params.id));
    if (progress === null) return void response.status(404).json({ error: 'not found' });
    response.json(progress);
  });
  router.post('/api/announcements/:id/cancel', (request, response) => {
    response.json({ cancelled: announcements.cancel(Number(request.params.id)) });
  });
  return router;
}
