import { describe, expect, it } from 'vitest';
import { htmlToBlocks, htmlToPlainText } from '../../src/content/html-text.js';
import { splitSentences } from '../../src/content/sentences.js';

describe('htmlToBlocks', () => {
  it('keeps headings, paragraphs, list items and table cells as blocks', () => {
    const { blocks } = htmlToBlocks('<h2>Termine</h2><p>Bitte <b>vorher</b> anrufen.</p><ul><li>Pass</li><li>Foto</li></ul><table><tr><th>Tag</th><td>Mo 8–12</td></tr></table>');
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Termine' },
      { kind: 'paragraph', text: 'Bitte vorher anrufen.' },
      { kind: 'item', text: 'Pass' },
      { kind: 'item', text: 'Foto' },
      { kind: 'cell', text: 'Tag' },
      { kind: 'cell', text: 'Mo 8–12' },
    ]);
  });

  it('decodes entities and drops scripts and styles', () => {
    const { blocks } = htmlToBlocks('<style>p{color:red}</style><p>Caf&eacute; &amp; Beratung&nbsp;&#8211; kostenlos</p><script>alert(1)</script>');
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'Café & Beratung – kostenlos' }]);
  });

  it('collects links with their text', () => {
    const { links } = htmlToBlocks('<p>Mehr <a href="https://example.org/x">hier</a> und <a href="#top">oben</a>.</p>');
    expect(links).toEqual([{ text: 'hier', href: 'https://example.org/x' }]);
  });

  it('survives broken HTML without losing text', () => {
    const { blocks } = htmlToBlocks('<p>Erster Absatz<p>Zweiter <b>fett</i> Absatz</div></span><li>Punkt');
    expect(blocks.map((block) => block.text)).toEqual(['Erster Absatz', 'Zweiter fett Absatz', 'Punkt']);
  });

  it('splits at line breaks', () => {
    expect(htmlToBlocks('<p>Zeile eins<br>Zeile zwei</p>').blocks.map((block) => block.text)).toEqual(['Zeile eins', 'Zeile zwei']);
  });

  it('returns nothing for empty or whitespace content', () => {
    expect(htmlToBlocks('').blocks).toEqual([]);
    expect(htmlToBlocks('<p> &nbsp; </p>').blocks).toEqual([]);
  });
});

describe('htmlToPlainText', () => {
  it('splits paragraphs into sentences that know their block', () => {
    const text = htmlToPlainText('<h2>1. Anmeldung</h2><p>Sie müssen sich anmelden. Das geht im Bürgerbüro.</p>', 'de');
    expect(text.sentences).toEqual([
      { text: '1. Anmeldung', block: 0 },
      { text: 'Sie müssen sich anmelden.', block: 1 },
      { text: 'Das geht im Bürgerbüro.', block: 1 },
    ]);
  });
});

describe('splitSentences', () => {
  it.each([
    ['abbreviations', 'Bringen Sie z.B. Ihren Pass mit. Dann geht es los.', ['Bringen Sie z.B. Ihren Pass mit.', 'Dann geht es los.']],
    ['ordinals and dates', 'Am 1. Januar ist zu. Ab dem 2. Januar ist offen.', ['Am 1. Januar ist zu.', 'Ab dem 2. Januar ist offen.']],
    ['titles', 'Dr. Weber hilft Ihnen. Sie spricht Arabisch.', ['Dr. Weber hilft Ihnen.', 'Sie spricht Arabisch.']],
    ['question marks', 'Fragen? Rufen Sie an!', ['Fragen?', 'Rufen Sie an!']],
    ['Arabic question mark', 'هل تحتاج مساعدة؟ اتصل بنا.', ['هل تحتاج مساعدة؟', 'اتصل بنا.']],
    ['English abbreviations', 'Bring e.g. your passport. Then wait.', ['Bring e.g. your passport.', 'Then wait.']],
  ])('handles %s', (_name, input, expected) => {
    expect(splitSentences(input, input.startsWith('Bring') ? 'en' : 'de')).toEqual(expected);
  });
});
