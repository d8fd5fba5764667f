import { createConversation } from '../../src/app/conversation.js';
import { loadDemoRegion } from '../../src/content/demo.js';
import type { Region } from '../../src/content/model.js';
import { RegionRegistry } from '../../src/content/registry.js';
import type { Incoming, Reply } from '../../src/core/message.js';
import { createLogger } from '../../src/log.js';
import { shippedGlossary } from '../../src/search/glossary.js';
import type { SearchOptions } from '../../src/search/options.js';
import { openDatabase, type Db } from '../../src/store/database.js';

/** A fixed Saturday noon in Musterstadt. */
export const NOW = new Date('2026-11-21T11:00:00Z');

let demo: Region | undefined;
export function demoRegion(): Region {
  demo ??= loadDemoRegion(NOW);
  return demo;
}

export function setup(regions: Region[] = [demoRegion()], options: Partial<SearchOptions> = {}) {
  const registry = new RegionRegistry(shippedGlossary(), options);
  for (const region of regions) registry.put(region);
  const db: Db = openDatabase(':memory:');
  const logLines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
  const conversation = createConversation({ registry, db, logger, publicUrl: 'https://lotse.example', now: () => NOW });
  const chat = (chatId = '42', languageHint?: string) => {
    const base = { channel: 'test', chatId, ...(languageHint ? { languageHint } : {}) };
    return {
      text: (text: string) => conversation.handle({ ...base, kind: 'text', text }),
      command: (command: string) => conversation.handle({ ...base, kind: 'command', command, args: '' }),
      press: (payload: string) => conversation.handle({ ...base, kind: 'button', payload }),
      location: (lat: number, lon: number) => conversation.handle({ ...base, kind: 'location', location: { lat, lon } }),
      send: (incoming: Omit<Incoming, 'channel' | 'chatId'>) => conversation.handle({ ...base, ...incoming } as Incoming),
    };
  };
  return { registry, db, conversation, chat, logLines, logger };
}

/** All text of replies, for assertions. */
export function textOf(replies: Reply[]): string {
  return replies
    .flatMap((reply) =>
      reply.blocks.map((block) => {
        switch (block.kind) {
          case 'list':
            return block.items.join('\n');
          case 'link':
            return `${block.label} ${block.url}`;
          case 'place':
            return [block.title, block.address, ...block.details].join('\n');
          default:
            return block.text;
        }
      }),
    )
    .join('\n');
}

export function buttonsOf(replies: Reply[]) {
  return replies.flatMap((reply) => (reply.buttons ?? []).flat());
}
