import type { AddressInfo } from 'node:net';
import express from 'express';
import { TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { botframeworkHandler, type TurnContextLike } from '../../../adapters/botframework/bot.js';
import { botframeworkChannel } from '../../../adapters/botframework/index.js';
import { renderForBotFramework } from '../../../adapters/botframework/render.js';
import { setup } from '../../intents/helpers.js';
import { FakeConnector } from './fake-connector.js';

function testAdapter() {
  const context = setup();
  const remembered: string[] = [];
  const handler = botframeworkHandler(context.conversation, (chatId) => remembered.push(chatId));
  const adapter = new TestAdapter(async (turn) => handler(turn as unknown as TurnContextLike));
  return { adapter, remembered };
}

describe('Bot Framework turn handler (botbuilder TestAdapter)', () => {
  it('greets with language choices as suggested actions, then answers with a hero card', async () => {
    const { adapter, remembered } = testAdapter();
    await adapter
      .send('/start')
      .assertReply((activity) => {
        const actions = activity.suggestedActions?.actions ?? [];
        expect(actions.map((action) => (action.value as { payload: string }).payload)).toContain('lang:ar');
        expect(actions.every((action) => action.type === 'messageBack')).toBe(true);
      })
      .send({ type: 'message', text: 'lang:de', value: { payload: 'lang:de' } } as Partial<Activity>)
      .assertReply((activity) => expect(activity.text).toContain('Deutsch'))
      .send('Wo melde ich meine Wohnung an?')
      .assertReply((activity) => {
        const card = activity.attachments?.[0];
        expect(card?.contentType).toBe('application/vnd.microsoft.card.hero');
        const content = card!.content as { title: string; buttons: { type: string; value: unknown }[] };
        expect(content.title).toContain('anmelden');
        expect(content.buttons[0]!.type).toBe('openUrl');
        expect(content.buttons.some((button) => (button.value as { payload?: string })?.payload === 'more')).toBe(true);
      })
      .startTest();
    expect(remembered.length).toBeGreaterThan(0);
  });

  it('greets new members in their locale on conversationUpdate', async () => {
    const { adapter } = testAdapter();
    await adapter
      .send({ type: 'conversationUpdate', locale: 'uk-UA', membersAdded: [{ id: 'user1', name: 'U' }], recipient: { id: 'bot', name: 'Lotse' } } as Partial<Activity>)
      .assertReply((activity) => expect(activity.locale).toBe('uk'))
      .startTest();
  });

  it('ignores activities it does not handle and answers empty messages clearly', async () => {
    const { adapter } = testAdapter();
    await adapter.send({ type: 'typing' } as Partial<Activity>).send({ type: 'message', text: '' } as Partial<Activity>).assertReply((activity) => expect(activity.text?.length).toBeGreaterThan(0)).startTest();
  });
});

describe('renderForBotFramework', () => {
  it('escapes markdown from content and links only web addresses', () => {
    const [activity] = renderForBotFramework({ language: 'de', dir: 'ltr', blocks: [{ kind: 'text', text: '*fett* [x](javascript:alert(1))' }, { kind: 'link', url: 'javascript:alert(1)', label: 'nein' }] });
    expect(activity!.text).not.toContain('](javascript');
    expect(activity!.text).toContain('\\*fett\\*');
  });
});

describe('POST /api/messages in development mode, with a fake connector service', () => {
  it('answers an Emulator activity through the connector, and rejects non-local callers', async () => {
    const connector = new FakeConnector();
    const serviceUrl = await connector.listen();
    const { received } = connector;

    const context = setup();
    const channel = botframeworkChannel({ BOTFRAMEWORK_DEV_MODE: true }, { conversation: context.conversation, db: context.db, logger: context.logger })!;
    expect(channel.mode).toBe('development');
    const app = express();
    app.use(channel.router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    try {
      const activity = { type: 'message', id: 'act-1', channelId: 'emulator', serviceUrl, text: '/help', locale: 'en-US', from: { id: 'user-1' }, recipient: { id: 'bot' }, conversation: { id: 'conv-1' } };
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(response.status).toBeLessThan(300);
      expect(received).toHaveLength(1);
      expect(received[0]!.path).toBe('/v3/conversations/conv-1/activities/act-1');
      expect(String(received[0]!.body.text)).toContain('/start');

      // Announcements reach the conversation proactively, through the stored reference.
      await channel.sender.send('conv-1', { language: 'en', dir: 'ltr', blocks: [{ kind: 'text', text: 'News' }] });
      expect(received.at(-1)!.path.startsWith('/v3/conversations/conv-1/activities')).toBe(true);
      expect(received.length).toBe(2);
      expect(received.at(-1)!.body.text).toBe('News');
      await expect(channel.sender.send('unknown-conversation', { language: 'en', dir: 'ltr', blocks: [] })).rejects.toMatchObject({ failure: { kind: 'gone' } });

      const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' }, body: JSON.stringify(activity) });
      expect(forged.status).toBe(401);
    } finally {
      server.close();
      await connector.close();
    }
  });

  it('is off, with one log line, without credentials or development mode', () => {
    const context = setup();
    expect(botframeworkChannel({}, { conversation: context.conversation, db: context.db, logger: context.logger })).toBeNull();
    expect(context.logLines.filter((line) => line.includes('Bot Framework adapter off'))).toHaveLength(1);
  });
});
