import { DeliveryError, type ChannelSender, type DeliveryFailure } from '../../src/broadcast/channel.js';
import type { Clock } from '../../src/broadcast/clock.js';
import { createBroadcasting, type EngineTuning } from '../../src/app/broadcast.js';
import { createLogger } from '../../src/log.js';
import { parseSnapshot } from '../../src/content/snapshot.js';
import { RegionRegistry } from '../../src/content/registry.js';
import { BotTexts } from '../../src/core/i18n.js';
import type { Reply } from '../../src/core/message.js';
import { ChatStore, newChat } from '../../src/store/chats.js';
import { openDatabase } from '../../src/store/database.js';

/** A clock that jumps: sleeping tasks wake in time order once everything else has run. */
export class VirtualClock implements Clock {
  private timers: { at: number; resolve: () => void }[] = [];

  constructor(public time = Date.parse('2026-11-21T10:00:00Z')) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.push({ at: this.time + Math.max(0, ms), resolve }));
  }

  /** Lets all ready work run, then advances to the next timer; until `done()` or the step limit. */
  async runUntil(done: () => boolean, maxSteps = 100_000): Promise<void> {
    for (let step = 0; step < maxSteps; step++) {
      for (let round = 0; round < 3; round++) await new Promise((resolve) => setImmediate(resolve));
      if (done()) return;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (next === undefined) continue;
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
    throw new Error('virtual clock: gave up');
  }
}

export interface SentMessage {
  chatId: string;
  at: number;
  text: string;
}

/** An in-process channel: records every send with its virtual time; scripted failures per chat. */
export class FakeSender implements ChannelSender {
  readonly sent: SentMessage[] = [];
  readonly attempts: { chatId: string; at: number; outcome: string }[] = [];
  private readonly script = new Map<string, DeliveryFailure[]>();

  constructor(
    private readonly clock: Clock,
    public limits = { perSecond: 30, perChatPerSecond: 1 },
  ) {}

  failFor(chatId: string, ...failures: DeliveryFailure[]): void {
    this.script.set(chatId, failures);
  }

  async send(chatId: string, reply: Reply): Promise<void> {
    const failure = this.script.get(chatId)?.shift();
    this.attempts.push({ chatId, at: this.clock.now(), outcome: failure?.kind ?? 'sent' });
    if (failure) throw new DeliveryError(failure, failure.kind);
    this.sent.push({ chatId, at: this.clock.now(), text: reply.blocks.map((block) => ('text' in block ? block.text : '')).join('\n') });
  }
}

export function broadcastSetup(subscribers: { chatId: string; language: string; topics?: string[]; channel?: string }[], options: EngineTuning = {}) {
  const clock = new VirtualClock();
  const now = () => new Date(clock.now());
  const db = openDatabase(':memory:');
  const chats = new ChatStore(db, now);
  for (const subscriber of subscribers) {
    chats.save({ ...newChat(subscriber.channel ?? 'fake', subscriber.chatId), region: 'testdorf', language: subscriber.language, languageChosen: true, topics: subscriber.topics ?? ['news'] });
  }
  const region = parseSnapshot(
    {
      region: { slug: 'testdorf', name: 'Testdorf' },
      languages: [{ code: 'de', name: 'Deutsch', direction: 'ltr' }, { code: 'ar', name: 'العربية', direction: 'rtl' }, { code: 'uk', name: 'Українська', direction: 'ltr' }],
      pages: [{ id: '1', language: 'de', title: 'Start', content_html: '<p>Hallo.</p>' }],
    },
    { kind: 'snapshot', location: 'test', fetchedAt: null },
  ).region;
  const registry = new RegionRegistry(null);
  registry.put(region);
  const sender = new FakeSender(clock);
  const errors: unknown[] = [];
  // The same wiring as production, on the virtual clock.
  const { outbox, announcements, engine } = createBroadcasting({
    db,
    registry,
    texts: new BotTexts(),
    senders: new Map([['fake', sender]]),
    logger: createLogger('silent'),
    now,
    engine: { onError: (error) => errors.push(error), clock, ...options },
  });
  const settled = (id: number) => () => {
    const state = outbox.get(id)?.state;
    return state === 'done' || state === 'cancelled';
  };
  return { clock, db, chats, registry, outbox, announcements, sender, engine, errors, settled };
}

export const subscribers = (count: number, language = 'de') => Array.from({ length: count }, (_, index) => ({ chatId: String(1000 + index), language }));
