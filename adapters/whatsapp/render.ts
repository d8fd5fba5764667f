import type { Block, Reply } from '../../src/core/message.js';
import { splitText } from '../shared/split-text.js';

/**
 * Reply → WhatsApp Cloud API messages. WhatsApp formats with *bold* and _italic_; up to three
 * reply buttons (titles ≤ 20 characters) or, for more choices or longer labels such as page
 * titles, a list of up to ten rows; a location request.
 */

export const MAX_TEXT = 4096;
const MAX_INTERACTIVE_BODY = 1024;
const MAX_BUTTON_TITLE = 20;
const MAX_ROW_TITLE = 24;

export type WhatsAppMessage =
  | { type: 'text'; text: { body: string; preview_url: boolean } }
  | { type: 'interactive'; interactive: Record<string, unknown> };

const clip = (text: string, length: number) => ([...text].length <= length ? text : `${[...text].slice(0, length - 1).join('')}…`);

function blockText(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `*${block.text}*`;
    case 'quote':
      return `> ${block.text}`;
    case 'note':
      return `_${block.text}_`;
    case 'link':
      return `${block.label}: ${block.url}`;
    case 'list':
      return block.items.map((item) => `• ${item}`).join('\n');
    case 'place':
      return [`📍 *${block.title}*`, block.address, ...block.details, ...(block.location ? [`https://www.openstreetmap.org/?mlat=${block.location.lat}&mlon=${block.location.lon}`] : [])].join('\n');
    default:
      return block.text;
  }
}

export function renderForWhatsApp(reply: Reply, listLabel = '☰'): WhatsAppMessage[] {
  const text = reply.blocks.map(blockText).join('\n\n') || '…';
  const buttons = (reply.buttons ?? []).flat();
  const interactive = buttons.length > 0 || reply.requestLocation !== undefined;
  // The last part carries the buttons; an interactive body is shorter than a text message.
  const parts = splitText(text, interactive ? MAX_INTERACTIVE_BODY : MAX_TEXT);
  const last = parts.pop() ?? '…';
  const messages: WhatsAppMessage[] = parts.map((body) => ({ type: 'text', text: { body, preview_url: false } }));
  if (reply.requestLocation) {
    messages.push({ type: 'interactive', interactive: { type: 'location_request_message', body: { text: last }, action: { name: 'send_location' } } });
  } else if (buttons.length > 0 && buttons.length <= 3 && buttons.every((button) => [...button.label].length <= MAX_BUTTON_TITLE)) {
    messages.push({ type: 'interactive', interactive: { type: 'button', body: { text: last }, action: { buttons: buttons.map((button) => ({ type: 'reply', reply: { id: button.payload, title: clip(button.label, MAX_BUTTON_TITLE) } })) } } });
  } else if (buttons.length > 0) {
    // A list when there are more than three choices, or when a label (a page title) would be cut in a button.
    const rows = buttons.slice(0, 10).map((button) => ({ id: button.payload, title: clip(button.label, MAX_ROW_TITLE), ...([...button.label].length > MAX_ROW_TITLE ? { description: clip(button.label, 72) } : {}) }));
    messages.push({ type: 'interactive', interactive: { type: 'list', body: { text: last }, action: { button: clip(listLabel, MAX_BUTTON_TITLE), sections: [{ rows }] } } });
  } else {
    messages.push({ type: 'text', text: { body: last, preview_url: false } });
  }
  return messages;
}
