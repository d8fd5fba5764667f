import type { Block, Reply } from '../../src/core/message.js';
import { splitText } from '../shared/split-text.js';

/**
 * Reply → Telegram messages in HTML parse mode. Everything from content is escaped — no page
 * HTML ever reaches Telegram, so no page can make sendMessage fail — and long replies are
 * split at block boundaries under Telegram's 4096-character limit.
 */

export const MAX_MESSAGE_LENGTH = 4096;

export interface TelegramMessage {
  text: string;
  parse_mode: 'HTML';
  reply_markup?: InlineKeyboard | ReplyKeyboard | { remove_keyboard: true };
  link_preview_options?: { is_disabled: boolean };
}

interface InlineKeyboard {
  inline_keyboard: { text: string; callback_data: string }[][];
}
interface ReplyKeyboard {
  keyboard: { text: string; request_location?: boolean }[][];
  one_time_keyboard: boolean;
  resize_keyboard: boolean;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const escapeAttribute = (text: string) => escapeHtml(text).replace(/"/g, '&quot;');

const RLM = '\u200f';
const LRI = '\u2066';
const PDI = '\u2069';
// Phone numbers, times, URLs and e-mail addresses keep their left-to-right order inside right-to-left text.
const LTR_RUN = /(https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ./:–-]*\d)/g;

/** Plain text, escaped; in a right-to-left reply each line starts right-to-left and numbers stay whole. */
function text(value: string, rtl: boolean): string {
  if (!rtl) return escapeHtml(value);
  return value
    .split('\n')
    .map((line) => RLM + escapeHtml(line.replace(LTR_RUN, `${LRI}$1${PDI}`)))
    .join('\n');
}

function safeUrl(url: string): string | null {
  return /^(https?:|tel:|mailto:)/i.test(url) ? url : null;
}

function mapLink(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

/**
 * Renders plain text cut into pieces whose *rendered* form fits a message: escaping and
 * direction marks make text longer, so a piece that grew too long is cut again.
 */
function fit(plain: string, render: (piece: string) => string): string[] {
  const rendered = render(plain);
  if (rendered.length <= MAX_MESSAGE_LENGTH) return [rendered];
  return splitText(plain, Math.max(1, Math.floor(plain.length / 2))).flatMap((piece) => fit(piece, render));
}

/** One block as Telegram HTML; long text is cut into pieces that each stay under the limit. */
function renderBlock(block: Block, rtl: boolean): string[] {
  switch (block.kind) {
    case 'title':
      return fit(block.text, (piece) => `<b>${text(piece, rtl)}</b>`);
    case 'text':
      return fit(block.text, (piece) => text(piece, rtl));
    case 'quote':
      return fit(block.text, (piece) => `<blockquote>${text(piece, rtl)}</blockquote>`);
    case 'note':
      return fit(block.text, (piece) => `<i>${text(piece, rtl)}</i>`);
    case 'link': {
      const url = safeUrl(block.url);
      return [url ? `${rtl ? RLM : ''}<a href="${escapeAttribute(url)}">${escapeHtml(block.label)}</a>` : text(block.label, rtl)];
    }
    case 'list':
      return fit(block.items.map((item) => `• ${item}`).join('\n'), (piece) => text(piece, rtl));
    case 'place': {
      const lines = [`<b>${text(block.title, rtl)}</b>`, text(block.address, rtl), ...block.details.map((detail) => text(detail, rtl))];
      if (block.location) lines.push(`<a href="${escapeAttribute(mapLink(block.location.lat, block.location.lon))}">🗺</a>`);
      return [lines.join('\n')];
    }
  }
}

export function renderForTelegram(reply: Reply): TelegramMessage[] {
  const rtl = reply.dir === 'rtl';
  const rendered = reply.blocks.flatMap((block) => renderBlock(block, rtl));
  const texts: string[] = [];
  let current = '';
  for (const part of rendered) {
    const joined = current === '' ? part : `${current}\n\n${part}`;
    if (joined.length > MAX_MESSAGE_LENGTH && current !== '') {
      texts.push(current);
      current = part;
    } else current = joined;
  }
  if (current !== '' || texts.length === 0) texts.push(current || '…');
  const messages: TelegramMessage[] = texts.map((value) => ({ text: value, parse_mode: 'HTML', link_preview_options: { is_disabled: true } }));
  const last = messages[messages.length - 1]!;
  if (reply.requestLocation) {
    last.reply_markup = { keyboard: [[{ text: reply.requestLocation, request_location: true }]], one_time_keyboard: true, resize_keyboard: true };
  } else if (reply.buttons && reply.buttons.length > 0) {
    last.reply_markup = { inline_keyboard: reply.buttons.map((row) => row.map((button) => ({ text: button.label, callback_data: button.payload }))) };
  }
  return messages;
}
