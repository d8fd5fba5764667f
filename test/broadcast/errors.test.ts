import { describe, expect, it } from 'vitest';
import { broadcastSetup, subscribers } from './helpers.js';

const announce = (setup: ReturnType<typeof broadcastSetup>) =>
  setup.announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Hinweis' }, link: null, author: 'staff', fallback: 'none' })!;

describe('delivery errors', () => {
  it('waits retry_after on 429 for the whole channel, without counting an attempt', async () => {
    const setup = broadcastSetup(subscribers(3), { concurrency: 1 });
    setup.sender.failFor('1000', { kind: 'rate-limited', retryAfterMs: 5000 });
    const id = announce(setup);
    const started = setup.clock.now();
    setup.engine.start();
    await setup.clock.runUntil(setup.settled(id));
    await setup.engine.stop();
    expect(setup.sender.attempts.map(({ chatId, outcome }) => `${chatId}:${outcome}`)).toEqual(['1000:rate-limited', '1001:sent', '1002:sent', '1000:sent']);
    const afterPause = setup.sender.attempts.slice(1);
    for (const attempt of afterPause) expect(attempt.at - started).toBeGreaterThanOrEqual(5000);
    expect(setup.announcements.progress(id)!.counts).toMatchObject({ sent: 3, failed: 0 });
  });

  it('retries server errors with growing waits, and gives up after the last attempt', async () => {
    const setup = broadcastSetup(subscribers(2), { maxAttempts: 3, backoffMs: 1000 });
    setup.sender.failFor('1000', { kind: 'transient' }, { kind: 'transient' });
    setup.sender.failFor('1001', { kind: 'transient' }, { kind: 'transient' }, { kind: 'transient' }, { kind: 'transient' });
    const id = announce(setup);
    setup.engine.start();
    await setup.clock.runUntil(setup.settled(id));
    await setup.engine.stop();
    const tries = (chatId: string) => setup.sender.attempts.filter((attempt) => attempt.chatId === chatId);
    expect(tries('1000').map((attempt) => attempt.outcome)).toEqual(['transient', 'transient', 'sent']);
    expect(tries('1001').map((attempt) => attempt.outcome)).toEqual(['transient', 'transient', 'transient']);
    const gaps = tries('1000').slice(1).map((attempt, index) => attempt.at - tries('1000')[index]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps[1]).toBeGreaterThanOrEqual(2000);
    expect(setup.announcements.progress(id)!.counts).toMatchObject({ sent: 1, failed: 1 });
  });

  it('marks a subscriber who blocked the bot inactive and never retries', async () => {
    const setup = broadcastSetup(subscribers(2));
    setup.sender.failFor('1000', { kind: 'gone' });
    const id = announce(setup);
    setup.engine.start();
    await setup.clock.runUntil(setup.settled(id));
    expect(setup.sender.attempts.filter((attempt) => attempt.chatId === '1000')).toHaveLength(1);
    expect(setup.chats.subscribersOf('testdorf', 'news').map((chat) => chat.chatId)).toEqual(['1001']);
    // The next announcement does not even try.
    const next = announce(setup);
    setup.engine.wake();
    await setup.clock.runUntil(setup.settled(next));
    await setup.engine.stop();
    expect(setup.sender.attempts.filter((attempt) => attempt.chatId === '1000')).toHaveLength(1);
  });
});
