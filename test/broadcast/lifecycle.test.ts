import { describe, expect, it } from 'vitest';
import { AnnouncementError } from '../../src/broadcast/announcements.js';
import { broadcastSetup, subscribers } from './helpers.js';

describe('announcements', () => {
  it('waits for their scheduled time', async () => {
    const setup = broadcastSetup(subscribers(2));
    const at = new Date(setup.clock.now() + 3_600_000).toISOString();
    const id = setup.announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Später' }, link: null, author: 'staff', fallback: 'none', scheduledAt: at })!;
    setup.engine.start();
    await setup.clock.runUntil(setup.settled(id));
    await setup.engine.stop();
    expect(setup.sender.sent.every((message) => message.at >= Date.parse(at))).toBe(true);
    expect(setup.sender.sent).toHaveLength(2);
  });

  it('can be cancelled: what is still pending is skipped', async () => {
    const setup = broadcastSetup(subscribers(100));
    const id = setup.announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Abbruch' }, link: null, author: 'staff', fallback: 'none' })!;
    setup.engine.start();
    await setup.clock.runUntil(() => setup.sender.sent.length >= 40);
    expect(setup.announcements.cancel(id)).toBe(true);
    await setup.clock.runUntil(() => setup.outbox.counts(id).sending === 0);
    await setup.engine.stop();
    const counts = setup.announcements.progress(id)!.counts;
    expect(counts.sent + counts.skipped).toBe(100);
    expect(counts.skipped).toBeGreaterThan(0);
    expect(setup.sender.sent.length).toBe(counts.sent);
    expect(setup.outbox.get(id)!.state).toBe('cancelled');
  });

  it('sends each subscriber their language, falls back to the main language marked as such, or skips', async () => {
    const people = [{ chatId: 'de1', language: 'de' }, { chatId: 'ar1', language: 'ar' }, { chatId: 'uk1', language: 'uk' }];
    const main = broadcastSetup(people);
    const id = main.announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Deutscher Text', ar: 'نص عربي' }, link: 'https://testdorf.example/x', author: 'staff', fallback: 'main' })!;
    expect(main.announcements.preview(main.outbox.get(id)!)).toEqual({
      total: 3,
      languages: expect.arrayContaining([
        { language: 'de', subscribers: 1, gets: 'own' },
        { language: 'ar', subscribers: 1, gets: 'own' },
        { language: 'uk', subscribers: 1, gets: 'fallback' },
      ]),
    });
    main.engine.start();
    await main.clock.runUntil(main.settled(id));
    await main.engine.stop();
    const byChat = Object.fromEntries(main.sender.sent.map((message) => [message.chatId, message.text]));
    expect(byChat.ar1).toContain('نص عربي');
    expect(byChat.uk1).toContain('Deutscher Text');
    expect(byChat.uk1).toContain('Deutsch'); // the note names the language shown

    const none = broadcastSetup(people);
    const only = none.announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Nur Deutsch' }, link: null, author: 'staff', fallback: 'none' })!;
    none.engine.start();
    await none.clock.runUntil(none.settled(only));
    await none.engine.stop();
    expect(none.sender.sent.map((message) => message.chatId)).toEqual(['de1']);
    expect(none.announcements.progress(only)!.counts).toMatchObject({ sent: 1, skipped: 2 });
  });

  it('reach only subscribers of the topic', async () => {
    const setup = broadcastSetup([{ chatId: 'a', language: 'de', topics: ['events'] }, { chatId: 'b', language: 'de', topics: ['news', 'events'] }]);
    const id = setup.announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'x' }, link: null, author: 'staff', fallback: 'none' })!;
    setup.engine.start();
    await setup.clock.runUntil(setup.settled(id));
    await setup.engine.stop();
    expect(setup.sender.sent.map((message) => message.chatId)).toEqual(['b']);
  });

  it('are announced once per source (automatic announcements)', () => {
    const setup = broadcastSetup([]);
    const input = { region: 'testdorf', topic: 'news', texts: { de: 'Neu' }, link: null, author: 'sync', fallback: 'main' as const, source: 'news:42' };
    expect(setup.announcements.create(input)).toBeTypeOf('number');
    expect(setup.announcements.create(input)).toBeNull();
  });

  it('reject bad input with a clear message', () => {
    const setup = broadcastSetup([]);
    const base = { region: 'testdorf', topic: 'news', texts: { de: 'x' }, link: null, author: 'staff', fallback: 'none' as const };
    expect(() => setup.announcements.create({ ...base, region: 'nowhere' })).toThrow(AnnouncementError);
    expect(() => setup.announcements.create({ ...base, topic: 'gossip' })).toThrow(/unknown topic/);
    expect(() => setup.announcements.create({ ...base, texts: { de: '   ' } })).toThrow(/at least one language/);
    expect(() => setup.announcements.create({ ...base, texts: { de: 'x'.repeat(5000) } })).toThrow(/at most/);
    expect(() => setup.announcements.create({ ...base, texts: { ar: 'نص' }, fallback: 'main' })).toThrow(/main language/);
    expect(() => setup.announcements.create({ ...base, link: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => setup.announcements.create({ ...base, scheduledAt: 'tomorrow-ish' })).toThrow(/not a date/);
  });
});
