import { describe, expect, it } from 'vitest';
import { broadcastSetup, subscribers } from './helpers.js';

describe('rate limits', () => {
  it('sends to every subscriber once, never more than 30 in any one-second window', async () => {
    const { announcements, engine, clock, sender, settled } = broadcastSetup(subscribers(200));
    const id = announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Das Bürgerbüro ist am Montag geschlossen.' }, link: null, author: 'staff', fallback: 'none' })!;
    const started = clock.now();
    engine.start();
    await clock.runUntil(settled(id));
    await engine.stop();

    expect(sender.sent).toHaveLength(200);
    expect(new Set(sender.sent.map((message) => message.chatId)).size).toBe(200);
    const times = sender.sent.map((message) => message.at).sort((a, b) => a - b);
    for (let index = 30; index < times.length; index++) expect(times[index]! - times[index - 30]!).toBeGreaterThanOrEqual(1000);
    // No artificial sleeps beyond the limit: 200 messages at 30/s take about 6.6 s.
    expect(times.at(-1)! - started).toBeLessThan(7000);
    expect(announcements.progress(id)).toMatchObject({ counts: { sent: 200, pending: 0, sending: 0 }, done: 1 });
  });

  it('keeps messages to one chat at least a second apart', async () => {
    const { announcements, engine, clock, sender, settled } = broadcastSetup(subscribers(1));
    const first = announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Eins' }, link: null, author: 'staff', fallback: 'none' })!;
    const second = announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Zwei' }, link: null, author: 'staff', fallback: 'none' })!;
    engine.start();
    await clock.runUntil(() => settled(first)() && settled(second)());
    await engine.stop();
    expect(sender.sent).toHaveLength(2);
    expect(sender.sent[1]!.at - sender.sent[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('runs without limits as fast as the channel takes them', async () => {
    const { announcements, engine, clock, sender, settled } = broadcastSetup(subscribers(500));
    sender.limits = { perSecond: Infinity, perChatPerSecond: Infinity };
    const id = announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Schnell' }, link: null, author: 'staff', fallback: 'none' })!;
    const started = clock.now();
    engine.start();
    await clock.runUntil(settled(id));
    await engine.stop();
    expect(sender.sent).toHaveLength(500);
    expect(clock.now() - started).toBeLessThan(1000);
  });
});
