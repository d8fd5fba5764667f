import type { Block, Button, Reply } from '../../src/core/message.js';

/** Plain-text rendering of a reply for a terminal: buttons become numbered choices. */

const RLI = '\u2067'; // right-to-left isolate
const PDI = '\u2069';

function blockText(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `== ${block.text} ==`;
    case 'text':
      return block.text;
    case 'quote':
      return `  » ${block.text}`;
    case 'note':
      return `  (${block.text})`;
    case 'link':
      return `  ${block.label}: ${block.url}`;
    case 'list':
      return block.items.map((item) => `  • ${item}`).join('\n');
    case 'place':
      return [`  📍 ${block.title}`, `     ${block.address}`, ...block.details.map((detail) => `     ${detail}`)].join('\n');
  }
}

export function renderForTerminal(reply: Reply, firstNumber: number): { text: string; choices: Button[] } {
  const lines = reply.blocks.map(blockText);
  const choices = (reply.buttons ?? []).flat();
  choices.forEach((button, index) => lines.push(`  [${firstNumber + index}] ${button.label}`));
  if (reply.requestLocation) lines.push(`  (${reply.requestLocation}: type "loc <lat> <lon>")`);
  // Isolate right-to-left text so that numbers and links keep their place in a left-to-right terminal.
  const text = lines.join('\n');
  return { text: reply.dir === 'rtl' ? text.split('\n').map((line) => `${RLI}${line}${PDI}`).join('\n') : text, choices };
}
