import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, parsePayload, payload, textOrCommand } from '../../src/core/message.js';

const base = { channel: 'test', chatId: '1' };

describe('textOrCommand', () => {
  it.each([
    ['/start', { kind: 'command', command: 'start', args: '' }],
    ['/START@lotse_bot', { kind: 'command', command: 'start', args: '' }],
    ['  /help topics  ', { kind: 'command', command: 'help', args: 'topics' }],
    ['Wo ist das Rathaus?', { kind: 'text', text: 'Wo ist das Rathaus?' }],
    ['/ kein Befehl', { kind: 'text', text: '/ kein Befehl' }],
    ['2/3 der Kosten', { kind: 'text', text: '2/3 der Kosten' }],
  ])('reads %j', (text, expected) => {
    expect(textOrCommand(base, text)).toEqual({ ...base, ...expected });
  });
});

describe('payloads', () => {
  it('round-trip and stay within 64 bytes', () => {
    expect(parsePayload(payload('fb', 'up', 'abc'))).toEqual({ action: 'fb', args: ['up', 'abc'] });
    expect(() => payload('x'.repeat(MAX_PAYLOAD_BYTES + 1))).toThrow();
    expect(parsePayload('<script>')).toBeNull();
  });
});
