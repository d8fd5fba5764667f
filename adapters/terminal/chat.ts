import { createInterface } from 'node:readline/promises';
import type { Conversation } from '../../src/core/conversation.js';
import { textOrCommand, type Button, type Incoming } from '../../src/core/message.js';
import { renderForTerminal } from './render.js';

/**
 * The terminal channel: talk to the core as a messenger would, with no messenger account.
 * Numbers press buttons, `/command` sends a command, `loc <lat> <lon>` shares a location.
 */
export function parseTerminalInput(line: string, choices: Button[], base: Pick<Incoming, 'channel' | 'chatId' | 'languageHint'>): Incoming | null {
  const text = line.trim();
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (choices[number - 1] !== undefined) return { ...base, kind: 'button', payload: choices[number - 1]!.payload };
  const location = /^loc\s+(-?\d+(?:\.\d+)?)[ ,]+(-?\d+(?:\.\d+)?)$/i.exec(text);
  if (location) return { ...base, kind: 'location', location: { lat: Number(location[1]), lon: Number(location[2]) } };
  return textOrCommand(base, text);
}

export async function runTerminalChat(conversation: Conversation, options: { language: string; input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream }): Promise<void> {
  const output = options.output ?? process.stdout;
  const lines = createInterface({ input: options.input ?? process.stdin, output, terminal: false });
  const base = { channel: 'terminal', chatId: 'terminal', languageHint: options.language };
  let choices: Button[] = [];
  const send = async (incoming: Incoming) => {
    const replies = await conversation.handle(incoming);
    choices = [];
    for (const reply of replies) {
      const rendered = renderForTerminal(reply, choices.length + 1);
      choices.push(...rendered.choices);
      output.write(`${rendered.text}\n\n`);
    }
  };
  await send({ ...base, kind: 'command', command: 'start', args: '' });
  output.write('> ');
  for await (const line of lines) {
    const incoming = parseTerminalInput(line, choices, base);
    if (incoming !== null && !(incoming.kind === 'text' && incoming.text === '')) await send(incoming);
    output.write('> ');
  }
}
