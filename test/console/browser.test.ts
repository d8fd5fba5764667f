import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, consoleServer } from './server.js';

/**
 * Real browser tests: Debian's Chromium driven by playwright-core. Screenshots of each page go to
 * test-artifacts/console/. Skipped, with a message, where Chromium is not installed.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve('test-artifacts/console');
const available = existsSync(CHROMIUM);
if (!available) console.warn(`skipping browser tests: ${CHROMIUM} not found (apt-get install chromium)`);

let server: Awaited<ReturnType<typeof consoleServer>>;
let browser: Browser;
let page: Page;
const errors: string[] = [];

describe.skipIf(!available)('staff console in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await consoleServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${server.base}/`);
    await page.fill('input[name=name]', ADMIN.name);
    await page.fill('input[name=password]', ADMIN.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('#question');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks a question in Arabic and shows the right-to-left answer with its scores', async () => {
    await page.selectOption('#test-language', 'ar');
    await page.fill('#question', 'كيف احصل على Aufenthaltstitel');
    await page.click('#test-form button[type=submit]');
    await page.waitForSelector('[data-testid=hits] tbody tr');
    expect(await page.getAttribute('.phone', 'dir')).toBe('rtl');
    expect(await page.textContent('.phone .bubble')).toMatch(/[\u0600-\u06ff]/);
    const scores = await page.$$eval('[data-testid=hits] td.score', (cells) => cells.map((cell) => Number(cell.textContent)));
    expect(scores.length).toBeGreaterThan(0);
    expect(scores[0]).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=confidence]')).toMatch(/\d\.\d\d/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'test-answers.png'), fullPage: true });
  });

  it('chats with the bot in the web chat', async () => {
    await page.waitForSelector('[data-testid=chat-log] .bubble');
    await page.fill('#chat-input', 'Wo melde ich meine Wohnung an?');
    await page.press('#chat-input', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=chat-log] .bubble').length >= 3);
    expect(await page.textContent('[data-testid=chat-log]')).toContain('Wo melde ich meine Wohnung an?');
  });

  it('sends an announcement to the subscribers and shows the progress reaching 100 %', async () => {
    await page.goto(`${server.base}/#announcements`);
    await page.waitForSelector('textarea[data-language=de]');
    await page.fill('textarea[data-language=de]', 'Das Bürgerbüro ist am Montag geschlossen.');
    await page.waitForSelector('[data-testid=audience] li');
    expect(await page.textContent('[data-testid=audience]')).toContain('40');
    await page.click('#announce-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('[data-testid=history] tr .percent')?.textContent === '100 %', undefined, { timeout: 20_000 });
    expect(server.sent.length).toBe(40);
    await page.screenshot({ path: path.join(ARTIFACTS, 'announcements.png'), fullPage: true });
  });

  it('shows unanswered questions grouped by similar wording, and escaped', async () => {
    const ask = (chatId: string, text: string) =>
      server.conversation.handle({ channel: 'x', chatId, kind: 'button', payload: 'region:musterstadt' }).then(() => server.conversation.handle({ channel: 'x', chatId, kind: 'text', text }));
    await ask('u1', 'Wo kann ich mein Kamel parken?');
    await ask('u2', 'Kamel parken wo?');
    await ask('u3', '<b>Zauberschule</b> anmelden');
    await page.goto(`${server.base}/#unanswered`);
    await page.waitForSelector('[data-testid=groups] tbody tr');
    const camel = page.locator('[data-testid=groups] tbody tr', { hasText: 'Kamel' });
    expect(await camel.count()).toBe(1);
    expect(await camel.locator('td.count').textContent()).toBe('2');
    expect(await page.textContent('[data-testid=groups]')).toContain('<b>Zauberschule</b>');
    // "Did you mean" counts per language, below the groups.
    await page.waitForSelector('[data-testid=suggestions] table, [data-testid=suggestions] p');
    await page.screenshot({ path: path.join(ARTIFACTS, 'unanswered.png'), fullPage: true });
  });

  it('shows the content and overview pages, also on a phone-sized screen', async () => {
    await page.goto(`${server.base}/#content`);
    await page.waitForSelector('table tbody tr');
    expect(await page.textContent('main')).toContain('العربية');
    await page.screenshot({ path: path.join(ARTIFACTS, 'content.png'), fullPage: true });
    await page.goto(`${server.base}/#overview`);
    await page.waitForSelector('.chart');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.base}/#test`);
    await page.waitForSelector('#question');
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
