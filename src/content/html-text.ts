import { Parser } from 'htmlparser2';
import type { PlainText, Sentence, TextBlock } from './model.js';
import { splitSentences } from './sentences.js';

/**
 * HTML → structured plain text. Editors' HTML is often broken (unclosed tags, stray `</div>`,
 * Word markup); htmlparser2 is forgiving, and we only rely on block boundaries, so a broken
 * page still yields its text.
 */

const HEADING = /^h[1-6]$/;
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'blockquote', 'pre', 'address', 'figcaption', 'dd', 'dt',
  'ul', 'ol', 'table', 'tr', 'thead', 'tbody', 'header', 'footer', 'main', 'aside', 'details',
  'summary', 'form', 'fieldset', 'hr', 'br', 'caption',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'head', 'object']);

function blockKind(tag: string): TextBlock['kind'] | null {
  if (HEADING.test(tag)) return 'heading';
  if (tag === 'li') return 'item';
  if (tag === 'td' || tag === 'th') return 'cell';
  if (BLOCK_TAGS.has(tag)) return 'paragraph';
  return null;
}

const collapse = (text: string) => text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/** Extracts blocks and links; each heading, paragraph, list item and table cell is a block. */
export function htmlToBlocks(html: string): Pick<PlainText, 'blocks' | 'links'> {
  const blocks: TextBlock[] = [];
  const links: PlainText['links'] = [];
  // Stack of open blocks; text goes to the innermost one, so a `<p>` inside an `<li>` stays one block.
  const open: { kind: TextBlock['kind']; tag: string }[] = [];
  let buffer = '';
  let skipDepth = 0;
  let link: { href: string; text: string } | null = null;

  const flush = () => {
    const text = collapse(buffer);
    buffer = '';
    if (text === '') return;
    blocks.push({ kind: open.at(-1)?.kind ?? 'paragraph', text });
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'a' && attributes.href) link = { href: attributes.href.trim(), text: '' };
        if (name === 'br') {
          flush();
          return;
        }
        const kind = blockKind(name);
        if (kind === null) return;
        flush();
        open.push({ kind, tag: name });
      },
      ontext(text) {
        if (skipDepth > 0) return;
        buffer += text;
        if (link) link.text += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'a' && link) {
          const text = collapse(link.text);
          if (!link.href.startsWith('#') && !link.href.startsWith('javascript:')) links.push({ text, href: link.href });
          link = null;
        }
        // Table cells and list items inline separators so that `</td><td>` never glues words.
        if (name === 'td' || name === 'th' || name === 'li') buffer += ' ';
        if (blockKind(name) === null || name === 'br') return;
        flush();
        const at = open.findLastIndex((entry) => entry.tag === name);
        if (at >= 0) open.length = at;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { blocks, links };
}

/** Full conversion: blocks, links, and the sentences of each block in reading order. */
export function htmlToPlainText(html: string, language: string): PlainText {
  const { blocks, links } = htmlToBlocks(html);
  const sentences: Sentence[] = [];
  blocks.forEach((block, index) => {
    // A heading is one unit even when it contains a dot ("1. Ankunft").
    const parts = block.kind === 'heading' ? [block.text] : splitSentences(block.text, language);
    for (const text of parts) sentences.push({ text, block: index });
  });
  return { blocks, sentences, links };
}
