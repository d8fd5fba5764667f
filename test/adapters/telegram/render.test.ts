import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, renderForTelegram } from '../../../adapters/telegram/render.js';
import type { Reply } from '../../../src/core/message.js';

const reply = (overrides: Partial<Reply>): Reply => ({ language: 'de', dir: 'ltr', blocks: [], ...overrides });

describe('renderForTelegram', () => {
  it('escapes everything that comes from content', () => {
    const [message] = renderForTelegram(reply({ blocks: [{ kind: 'title', text: '<script>x</script> & Co' }, { kind: 'quote', text: 'a < b' }] }));
    expect(message!.text).toBe('<b>&lt;script&gt;x&lt;/script&gt; &amp; Co</b>\n\n<blockquote>a &lt; b</blockquote>');
    expect(message!.parse_mode).toBe('HTML');
  });

  it('links only to web, phone and mail addresses', () => {
    const [message] = renderForTelegram(reply({ blocks: [{ kind: 'link', url: 'javascript:alert(1)', label: 'x' }, { kind: 'link', url: 'https://a.example/?q="1"', label: 'ok' }] }));
    expect(message!.text).not.toContain('javascript:');
    expect(message!.text).toContain('<a href="https://a.example/?q=&quot;1&quot;">ok</a>');
  });

  it('splits long replies at block boundaries under 4096 characters, buttons on the last part', () => {
    const blocks = Array.from({ length: 12 }, (_, index) => ({ kind: 'text' as const, text: `${index} ${'Wort '.repeat(100)}` }));
    const messages = renderForTelegram(reply({ blocks, buttons: [[{ label: 'Mehr', payload: 'more' }]] }));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(messages.slice(0, -1).every((message) => message.reply_markup === undefined)).toBe(true);
    expect(messages.at(-1)!.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Mehr', callback_data: 'more' }]] });
  });

  it('splits a single huge block too', () => {
    const messages = renderForTelegram(reply({ blocks: [{ kind: 'text', text: 'x<y '.repeat(5000) }] }));
    for (const message of messages) expect(message.text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(messages.map((message) => message.text).join('').replace(/\s/g, '')).toBe('x&lt;y'.repeat(5000));
  });

  it('keeps numbers and links whole in right-to-left text', () => {
    const [message] = renderForTelegram(reply({ language: 'ar', dir: 'rtl', blocks: [{ kind: 'text', text: 'اتصل على +49 1234 567-100 من 8:00 إلى 12:00' }] }));
    expect(message!.text.startsWith('\u200f')).toBe(true);
    expect(message!.text).toContain('\u2066+49 1234 567-100\u2069');
    expect(message!.text).toContain('\u20668:00\u2069');
  });
});
