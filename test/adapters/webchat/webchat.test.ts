import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webchatRouter, webchatSender } from '../../../adapters/webchat/index.js';
import { securityHeaders } from '../../../src/server/security.js';
import { setup } from '../../intents/helpers.js';

let base = '';
let close: () => Promise<void> = async () => undefined;
let context: ReturnType<typeof setup>;

beforeAll(async () => {
  context = setup();
  const app = express();
  app.use(securityHeaders());
  app.use(webchatRouter({ conversation: context.conversation, registry: context.registry, db: context.db, perMinute: 1000 }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

const post = (body: object) => fetch(`${base}/webchat/api/message`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://www.stadt.example' }, body: JSON.stringify(body) });
const CLIENT = 'browser-abcdefghijklmnop';

describe('web chat endpoint', () => {
  it('answers questions through the conversation core', async () => {
    await post({ clientId: CLIENT, payload: 'lang:de' });
    const response = await post({ clientId: CLIENT, text: 'Wo melde ich meine Wohnung an?' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { replies } = (await response.json()) as { replies: { blocks: { kind: string; text?: string }[] }[] };
    expect(replies[0]!.blocks[0]!.kind).toBe('title');
  });

  it('delivers announcements through the inbox, once', async () => {
    await webchatSender(context.db).send(CLIENT, { language: 'de', dir: 'ltr', blocks: [{ kind: 'text', text: 'Neuigkeit' }] });
    const first = (await (await fetch(`${base}/webchat/api/inbox?clientId=${CLIENT}`)).json()) as { replies: unknown[] };
    expect(first.replies).toHaveLength(1);
    const second = (await (await fetch(`${base}/webchat/api/inbox?clientId=${CLIENT}`)).json()) as { replies: unknown[] };
    expect(second.replies).toHaveLength(0);
  });

  it('rejects bad input with 400, never a crash', async () => {
    expect((await post({ text: 'no id' })).status).toBe(400);
    expect((await post({ clientId: 'x', text: 'short id' })).status).toBe(400);
    const broken = await fetch(`${base}/webchat/api/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(broken.status).toBe(400);
    expect((await post({ clientId: CLIENT, payload: 'x'.repeat(65) })).status).toBe(400);
  });

  it('serves the widget script for other websites', async () => {
    const response = await fetch(`${base}/webchat.js`);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
describe.skipIf(!existsSync(CHROMIUM))('web chat widget in Chromium', () => {
  it('opens on a municipality page, asks in Arabic and shows the right-to-left answer', async () => {
    // The municipality's page lives on another origin than Lotse.
    const site = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(`<!doctype html><html><head><link rel="icon" href="data:,"></head><body><h1>Stadt</h1><script src="${base}/webchat.js" data-region="musterstadt" data-lang="ar"></script></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).origin));
      await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      await page.click('[data-lotse-webchat] >> css=.open');
      await page.waitForFunction(() => document.querySelector('[data-lotse-webchat]')!.shadowRoot!.querySelectorAll('.bubble').length > 0);
      await page.fill('[data-lotse-webchat] >> css=.input', 'كيف احصل على Aufenthaltstitel');
      await page.press('[data-lotse-webchat] >> css=.input', 'Enter');
      await page.waitForFunction(() => [...document.querySelector('[data-lotse-webchat]')!.shadowRoot!.querySelectorAll('.bubble')].some((bubble) => bubble.querySelector('strong')));
      const answer = await page.evaluate(() => {
        const bubbles = [...document.querySelector('[data-lotse-webchat]')!.shadowRoot!.querySelectorAll('.bubble')];
        const last = bubbles.at(-1)!;
        return { dir: last.getAttribute('dir'), text: last.textContent, panelDir: document.querySelector('[data-lotse-webchat]')!.shadowRoot!.querySelector('.panel')!.getAttribute('dir') };
      });
      expect(answer.dir).toBe('rtl');
      expect(answer.panelDir).toBe('rtl');
      expect(answer.text).toMatch(/[\u0600-\u06ff]/);
      // No third-party requests: only the page's own origin and Lotse.
      expect(new Set(requests).size).toBeLessThanOrEqual(2);
      expect(errors).toEqual([]);
      mkdirSync(path.resolve('test-artifacts/webchat'), { recursive: true });
      await page.screenshot({ path: path.resolve('test-artifacts/webchat/widget.png') });
    } finally {
      await browser.close();
      site.close();
    }
  }, 60_000);
});
