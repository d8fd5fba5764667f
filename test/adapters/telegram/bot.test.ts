import type { Bot } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../../adapters/telegram/bot.js';
import { BotTexts } from '../../../src/core/i18n.js';
import { setup } from '../../intents/helpers.js';
import { botInfo, updates } from './fake-bot-api.js';

interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A bot whose Bot API calls are intercepted by a transformer: no network, every call recorded. */
function interceptedBot() {
  const { conversation, logLines, logger, db } = setup();
  const calls: ApiCall[] = [];
  const bot: Bot = createTelegramBot({ token: '123:TEST', conversation, texts: new BotTexts(), logger, botInfo });
  bot.api.config.use(async (_previous, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    const result = method === 'sendMessage' ? { message_id: calls.length, date: 0, chat: { id: 555, type: 'private' }, text: '' } : true;
    return { ok: true, result } as never;
  });
  const send = async (update: object) => {
    calls.length = 0;
    await bot.handleUpdate(update as never);
    return [...calls];
  };
  return { bot, send, calls, logLines, db };
}

const messages = (calls: ApiCall[]) => calls.filter((call) => call.method === 'sendMessage');

describe('Telegram adapter, Bot API intercepted', () => {
  it('walks through onboarding, a question, more results and feedback', async () => {
    const { send } = interceptedBot();

    const started = await send(updates.text('/start'));
    expect(messages(started)).toHaveLength(1);
    const welcome = messages(started)[0]!.payload;
    expect(welcome).toMatchObject({ chat_id: 555, parse_mode: 'HTML' });
    const keyboard = (welcome.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(keyboard.map((button) => button.callback_data)).toContain('lang:ar');

    const chosen = await send(updates.button('lang:ar'));
    expect(chosen[0]).toMatchObject({ method: 'answerCallbackQuery' });
    expect(String(messages(chosen)[0]!.payload.text)).toMatch(/[\u0600-\u06ff]/);

    const answered = await send(updates.text('كيف أسجل سكني في Bürgerbüro؟'));
    expect(answered[0]).toMatchObject({ method: 'sendChatAction', payload: { chat_id: 555, action: 'typing' } });
    const answer = messages(answered)[0]!.payload;
    expect(String(answer.text)).toMatch(/^\u200f?<b>/);
    expect(String(answer.text)).toContain('<blockquote>');
    expect(String(answer.text)).toContain('<a href="https://lotse.example/pages/musterstadt/ar/');
    const buttons = (answer.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().map((button) => button.callback_data);
    expect(buttons).toContain('more');

    const more = await send(updates.button('more'));
    expect(messages(more)).toHaveLength(1);
    const down = buttons.find((value) => value.startsWith('fb:down'))!;
    const thanked = await send(updates.button(down));
    expect(messages(thanked)).toHaveLength(1);
  });

  it('handles a re-delivered update only once', async () => {
    const { send } = interceptedBot();
    const update = updates.text('/help', 424242);
    expect(messages(await send(update))).toHaveLength(1);
    expect(await send(update)).toEqual([]);
  });

  it('asks for the location with a reply keyboard and answers a shared location', async () => {
    const { send } = interceptedBot();
    await send(updates.button('lang:en'));
    const asked = messages(await send(updates.button('places:health')))[0]!.payload;
    expect(asked.reply_markup).toMatchObject({ keyboard: [[{ request_location: true }]] });
    const places = messages(await send(updates.location(50.12, 8.66)))[0]!.payload;
    expect(String(places.text)).toContain('openstreetmap.org');
  });

  describe('bad input', () => {
    it('ignores update types it does not handle', async () => {
      const { send } = interceptedBot();
      expect(await send(updates.edited())).toEqual([]);
    });

    it('answers stickers, empty and huge messages, emoji and broken buttons clearly', async () => {
      const { send } = interceptedBot();
      for (const update of [updates.sticker(), updates.text(' '), updates.text('🙂🙂🙂'), updates.text('Wohnung '.repeat(1500)), updates.button('%%%garbage%%%'), updates.button('hit:77')]) {
        const sent = messages(await send(update));
        expect(sent.length).toBeGreaterThan(0);
        for (const message of sent) expect(String(message.payload.text).length).toBeLessThanOrEqual(4096);
      }
    });
  });

  it('logs neither message texts nor chat ids', async () => {
    const { send, logLines } = interceptedBot();
    await send(updates.text('Mein Geheimnis ist Kindergeld'));
    await send(updates.edited());
    const log = logLines.join('\n');
    expect(log).not.toContain('Geheimnis');
    expect(log).not.toContain('555');
  });
});
