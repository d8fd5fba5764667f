import type { Block, Reply } from '../../src/core/message.js';

/**
 * Reply → Bot Framework activities (structurally typed, so this file needs no SDK): markdown
 * text, a hero card for a page answer, and suggested actions for buttons. Buttons are
 * `messageBack` actions carrying the payload in `value`, so a typed word is never mistaken for one.
 */

export interface CardAction {
  type: 'messageBack' | 'openUrl';
  title: string;
  value: unknown;
  text?: string;
  displayText?: string;
}

export interface OutgoingActivity {
  type: 'message';
  text?: string;
  textFormat?: 'markdown' | 'plain';
  locale?: string;
  attachments?: { contentType: string; content: object }[];
  suggestedActions?: { to: string[]; actions: CardAction[] };
}

const escapeMarkdown = (text: string) => text.replace(/([\\`*_{}[\]()#+!|>~])/g, '\\$1');

function markdown(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `**${escapeMarkdown(block.text)}**`;
    case 'quote':
      return `> ${escapeMarkdown(block.text)}`;
    case 'note':
      return `_${escapeMarkdown(block.text)}_`;
    case 'link':
      return /^(https?:|tel:|mailto:)/i.test(block.url) ? `[${escapeMarkdown(block.label)}](${block.url.replace(/\)/g, '%29')})` : escapeMarkdown(block.label);
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
    case 'place':
      return [`📍 **${escapeMarkdown(block.title)}**`, escapeMarkdown(block.address), ...block.details.map(escapeMarkdown)].join('  \n');
    default:
      return escapeMarkdown(block.text);
  }
}

export function buttonAction(label: string, payload: string): CardAction {
  return { type: 'messageBack', title: label, value: { payload }, text: payload, displayText: label };
}

export function renderForBotFramework(reply: Reply): OutgoingActivity[] {
  const buttons = (reply.buttons ?? []).flat().map((button) => buttonAction(button.label, button.payload));
  const title = reply.blocks.find((block) => block.kind === 'title');
  const link = reply.blocks.find((block) => block.kind === 'link');
  // A page answer: a hero card with the title, the answer sentences, and the link as its button.
  if (title && title.kind === 'title' && link && link.kind === 'link' && /^https?:/i.test(link.url)) {
    const body = reply.blocks.filter((block) => block !== title && block !== link).map((block) => (block.kind === 'quote' ? block.text : markdown(block))).join('\n\n');
    return [
      {
        type: 'message',
        locale: reply.language,
        attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { title: title.text, text: body, buttons: [{ type: 'openUrl', title: link.label, value: link.url }, ...buttons] } }],
      },
    ];
  }
  const activity: OutgoingActivity = { type: 'message', text: reply.blocks.map(markdown).join('\n\n'), textFormat: 'markdown', locale: reply.language };
  if (buttons.length > 0) activity.suggestedActions = { to: [], actions: buttons };
  return [activity];
}
