import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderForWhatsApp } from '../../../adapters/whatsapp/render.js';
import { whatsappChannel, WINDOW_MS, type WhatsAppChannel } from '../../../adapters/whatsapp/index.js';
import { DeliveryError } from '../../../src/broadcast/channel.js';
import { setup } from '../../intents/helpers.js';
import { FakeGraphApi } from './fake-graph-api.js';

const SECRET = 'app-secret-123';
const settings = (root: string) => ({ WHATSAPP_TOKEN: 'token-abcdefghij', WHATSAPP_PHONE_NUMBER_ID: '1234567', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_VERIFY_TOKEN: 'verify-me-please', WHATSAPP_API_ROOT: root, WHATSAPP_TEMPLATES: { news: { de: 'lotse_news_de' } } });

let graph: FakeGraphApi;
let channel: WhatsAppChannel;
let base = '';
let clock = 0;
let context: ReturnType<typeof setup>;
let close: () => Promise<void>;

beforeEach(async () => {
  graph = new FakeGraphApi();
  const root = await graph.listen();
  context = setup();
  clock = Date.parse('2026-11-21T10:00:00Z');
  channel = whatsappChannel(settings(root), { conversation: context.conversation, db: context.db, logger: context.logger, now: () => clock })!;
  const app = express();
  app.use(channel.router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterEach(async () => {
  await close();
  await graph.close();
});

function webhook(messages: object[], secret = SECRET) {
  const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', messages } }] }] });
  const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  return fetch(`${base}/whatsapp/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
}
let messageId = 0;
const text = (from: string, body: string) => ({ id: `wamid.in.${++messageId}`, from, timestamp: '1700000000', type: 'text', text: { body } });
const button = (from: string, id: string) => ({ id: `wamid.in.${++messageId}`, from, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title: 'x' } } });

describe('WhatsApp webhook', () => {
  it('answers the verification challenge only with the right token', async () => {
    expect(await (await fetch(`${base}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=verify-me-please&hub.challenge=42`)).text()).toBe('42');
    expect((await fetch(`${base}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42`)).status).toBe(403);
  });

  it('rejects forged bodies with 401', async () => {
    expect((await webhook([text('4915100000001', 'Hallo')], 'not-the-secret')).status).toBe(401);
    await channel.idle();
    expect(graph.messages).toEqual([]);
  });

  it('answers a question with text and reply buttons, and a button press', async () => {
    expect((await webhook([button('4915100000001', 'lang:de')])).status).toBe(200);
    await channel.idle();
    expect((await webhook([text('4915100000001', 'Wo melde ich meine Wohnung an?')])).status).toBe(200);
    await channel.idle();
    const answer = graph.messages.at(-1)!.body as { type: string; interactive?: { type: string; body: { text: string }; action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string }[] }[] } } };
    expect(graph.messages.at(-1)!.authorization).toBe('Bearer token-abcdefghij');
    expect(answer.type).toBe('interactive');
    expect(answer.interactive!.body.text).toMatch(/^\*.*anmelden/);
    const ids = answer.interactive!.action.buttons?.map((entry) => entry.reply.id) ?? answer.interactive!.action.sections![0]!.rows.map((row) => row.id);
    expect(ids[0]).toBe('more');
    expect(ids.some((id) => id.startsWith('fb:down:'))).toBe(true);
    // Pressing "more" answers with the next results.
    await webhook([button('4915100000001', 'more')]);
    await channel.idle();
    expect(graph.messages.at(-1)!.body).toMatchObject({ type: 'interactive' });
  });

  it('handles a re-delivered message once', async () => {
    const message = text('4915100000002', '/help');
    await webhook([message]);
    await webhook([message]);
    await channel.idle();
    expect(graph.messages.filter((entry) => entry.to === '4915100000002')).toHaveLength(1);
  });

  it('accepts malformed and unknown messages without crashing', async () => {
    expect((await webhook([{ id: 'x1', from: '4915100000003', type: 'sticker', sticker: {} }, { nonsense: true }])).status).toBe(200);
    await channel.idle();
    expect(graph.messages.filter((entry) => entry.to === '4915100000003')).toHaveLength(1);
    const broken = await fetch(`${base}/whatsapp/webhook`, { method: 'POST', headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update('{no').digest('hex')}` }, body: '{no' });
    expect(broken.status).toBe(400);
  });
});

describe('WhatsApp announcements and the 24-hour rule', () => {
  const reply = { language: 'de', dir: 'ltr' as const, blocks: [{ kind: 'text' as const, text: 'Neuigkeit' }] };
  const news = { topic: 'news', language: 'de', text: 'Neuigkeit' };

  it('sends free-form within 24 hours of the user’s last message', async () => {
    await webhook([text('4915100000010', 'Hallo')]);
    await channel.idle();
    clock += WINDOW_MS - 60_000;
    await channel.sender.send('4915100000010', reply, news);
    expect(graph.messages.at(-1)!.body).toMatchObject({ type: 'text', text: { body: 'Neuigkeit' } });
  });

  it('uses the topic’s template outside the window', async () => {
    await webhook([text('4915100000011', 'Hallo')]);
    await channel.idle();
    clock += WINDOW_MS + 1;
    await channel.sender.send('4915100000011', reply, news);
    expect(graph.messages.at(-1)!.body).toMatchObject({ type: 'template', template: { name: 'lotse_news_de', language: { code: 'de' } } });
  });

  it('skips, counted as such, when there is no template', async () => {
    await expect(channel.sender.send('4915100000012', reply, { ...news, language: 'ar' })).rejects.toMatchObject({ failure: { kind: 'not-allowed' } });
  });

  it('maps Graph API errors to retries and gone users', async () => {
    await webhook([text('4915100000013', 'Hallo')]);
    await channel.idle();
    graph.failures.set('4915100000013', [{ status: 429, code: 130429, message: 'rate' }, { status: 500, code: 1, message: 'server' }, { status: 400, code: 131026, message: 'not on WhatsApp' }]);
    const kinds: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await channel.sender.send('4915100000013', reply, news).catch((error: DeliveryError) => kinds.push(error.failure.kind));
    }
    expect(kinds).toEqual(['rate-limited', 'transient', 'gone']);
  });
});

describe('renderForWhatsApp', () => {
  it('uses reply buttons for up to three short labels, a list for more or longer ones, and keeps titles short', () => {
    const three = renderForWhatsApp({ language: 'de', dir: 'ltr', blocks: [{ kind: 'text', text: 'x' }], buttons: [[{ label: '👍 Hilfreich', payload: 'a' }], [{ label: 'Nein', payload: 'b' }]] });
    const action = (three[0] as { interactive: { type: string; action: { buttons: { reply: { title: string } }[] } } }).interactive;
    expect(action.type).toBe('button');
    expect(action.action.buttons.map((button) => button.reply.title)).toEqual(['👍 Hilfreich', 'Nein']);
    // "Did you mean…?" offers page titles: a list row shows 24 characters and the rest below.
    const titles = renderForWhatsApp({ language: 'de', dir: 'ltr', blocks: [{ kind: 'text', text: 'x' }], buttons: [[{ label: 'Integrationskurs: Zulassung und Kosten', payload: 'pick:0' }], [{ label: 'Deutsch lernen', payload: 'pick:1' }]] });
    const rows = (titles[0] as { interactive: { type: string; action: { sections: { rows: { title: string; description?: string }[] }[] } } }).interactive;
    expect(rows.type).toBe('list');
    expect([...rows.action.sections[0]!.rows[0]!.title].length).toBeLessThanOrEqual(24);
    expect(rows.action.sections[0]!.rows[0]!.description).toBe('Integrationskurs: Zulassung und Kosten');
    const many = renderForWhatsApp({ language: 'de', dir: 'ltr', blocks: [{ kind: 'text', text: 'x' }], buttons: Array.from({ length: 12 }, (_, index) => [{ label: `Sprache ${index}`, payload: `lang:${index}` }]) });
    const list = (many[0] as { interactive: { type: string; action: { sections: { rows: unknown[] }[] } } }).interactive;
    expect(list.type).toBe('list');
    expect(list.action.sections[0]!.rows).toHaveLength(10);
  });

  it('splits long text and asks for the location', () => {
    const long = renderForWhatsApp({ language: 'de', dir: 'ltr', blocks: [{ kind: 'text', text: 'Wort '.repeat(2000) }], requestLocation: 'Standort teilen' });
    expect(long.length).toBeGreaterThan(1);
    expect(long.at(-1)).toMatchObject({ type: 'interactive', interactive: { type: 'location_request_message' } });
  });
});
