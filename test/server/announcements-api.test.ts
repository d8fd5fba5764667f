import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementsApi } from '../../src/server/announcements-api.js';
import { broadcastSetup, subscribers } from '../broadcast/helpers.js';

const TOKEN = 'x'.repeat(32);
let base = '';
let close = () => undefined as void;
let woken = 0;

beforeAll(async () => {
  const setup = broadcastSetup(subscribers(3));
  const app = express();
  app.use(announcementsApi(setup.announcements, TOKEN, () => woken++));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => void server.close();
});
afterAll(() => close());

const call = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
  fetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });

describe('announcements API', () => {
  it('rejects requests without the right token', async () => {
    expect((await call('/api/announcements', {}, null)).status).toBe(401);
    expect((await call('/api/announcements', {}, 'y'.repeat(32))).status).toBe(401);
  });

  it('previews the audience, creates, reports progress and cancels', async () => {
    const body = { region: 'testdorf', topic: 'news', texts: { de: 'Hallo' }, author: 'staff', scheduledAt: '2030-01-01T10:00:00Z' };
    const preview = await (await call('/api/announcements/preview', { method: 'POST', body: JSON.stringify(body) })).json();
    expect(preview).toEqual({ total: 3, languages: [{ language: 'de', subscribers: 3, gets: 'own' }] });
    const created = await call('/api/announcements', { method: 'POST', body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(woken).toBe(1);
    const progress = (await (await call(`/api/announcements/${id}`)).json()) as { announcement: { state: string } };
    expect(progress.announcement.state).toBe('scheduled');
    expect(await (await call(`/api/announcements/${id}/cancel`, { method: 'POST' })).json()).toEqual({ cancelled: true });
    expect(((await (await call('/api/announcements')).json()) as unknown[]).length).toBe(1);
  });

  it('answers 400 with the reason for bad input', async () => {
    const response = await call('/api/announcements', { method: 'POST', body: JSON.stringify({ region: 'testdorf', topic: 'gossip', texts: { de: 'x' }, author: 'a' }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('unknown topic');
    expect((await call('/api/announcements', { method: 'POST', body: '{broken' })).status).toBe(400);
  });
});
