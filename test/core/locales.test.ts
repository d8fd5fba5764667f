import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BotTexts, LOCALES_DIR } from '../../src/core/i18n.js';

const REQUIRED = ['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru', 'fr', 'ro', 'pl'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof inner === 'string') result.set(full, inner);
    else for (const [innerKey, text] of flatten(inner, full)) result.set(innerKey, text);
  }
  return result;
}

const read = (language: string, file: string) => JSON.parse(readFileSync(path.join(LOCALES_DIR, language, file), 'utf8')) as unknown;
const english = flatten(read('en', 'bot.json'));
const baseKeys = new Set([...english.keys()].map((key) => key.replace(PLURAL, '')));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('bot texts', () => {
  it('exist for at least the ten required languages', () => {
    const present = readdirSync(LOCALES_DIR);
    for (const language of REQUIRED) expect(present).toContain(language);
  });

  describe.each(REQUIRED)('%s', (language) => {
    const texts = flatten(read(language, 'bot.json'));

    it('has every key of the English texts, and no others', () => {
      const keys = new Set([...texts.keys()].map((key) => key.replace(PLURAL, '')));
      expect([...baseKeys].filter((key) => !keys.has(key))).toEqual([]);
      expect([...keys].filter((key) => !baseKeys.has(key))).toEqual([]);
    });

    it('has exactly the plural forms its language needs', () => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.sort();
      for (const base of [...english.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, ''))) {
        const forms = [...texts.keys()].filter((key) => key.replace(PLURAL, '') === base && PLURAL.test(key)).map((key) => PLURAL.exec(key)![1]).sort();
        expect(forms, base).toEqual(categories);
      }
    });

    it('keeps the placeholders of each text', () => {
      for (const [key, text] of texts) {
        if (PLURAL.test(key)) continue; // plural forms may spell the number out ("two more results")
        expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
      }
    });

    it('keeps button labels short enough for every messenger', () => {
      for (const key of ['answer.more', 'answer.helpful', 'answer.notHelpful', 'delete.yes', 'delete.no', 'places.shareLocation', 'menu.events', 'menu.places', 'menu.subscribe', 'menu.language', 'menu.help']) {
        expect([...(texts.get(key) ?? '')].length, key).toBeLessThanOrEqual(20);
      }
    });

    it('has word lists for every intent', () => {
      const words = read(language, 'words.json') as Record<string, unknown>;
      for (const intent of ['emergency', 'help', 'events', 'weekend', 'places', 'subscribe', 'unsubscribe', 'language', 'region', 'delete', 'feedback', 'greeting', 'thanks', 'categories']) {
        expect(words[intent], intent).toBeDefined();
      }
    });
  });
});

describe('BotTexts', () => {
  const texts = new BotTexts();

  it('interpolates and pluralises the i18next way', () => {
    expect(texts.t('en')('answer.moreResults', { count: 1 })).toBe('One more result:');
    expect(texts.t('en')('answer.moreResults', { count: 3 })).toBe('3 more results:');
    expect(texts.t('uk')('answer.moreResults', { count: 5 })).toContain('5');
    expect(texts.t('de')('welcome.greeting', { region: 'Musterstadt' })).toContain('Musterstadt');
  });

  it('falls back to English for a language it has no texts for', () => {
    expect(texts.t('xx')('delete.yes')).toBe('Yes, delete');
    expect(texts.replyLanguage('xx')).toBe('en');
  });

  it('knows the writing direction', () => {
    expect(texts.direction('ar')).toBe('rtl');
    expect(texts.direction('fa')).toBe('rtl');
    expect(texts.direction('uk')).toBe('ltr');
  });

  it('recognises intent words in any language, emergencies anywhere in a message', () => {
    expect(texts.matches('emergency', 'Hilfe, Notfall! Mein Kind atmet nicht')).toBe(true);
    expect(texts.matches('emergency', 'طوارئ')).toBe(true);
    expect(texts.matches('emergency', 'Wo lerne ich Deutsch?')).toBe(false);
    expect(texts.matches('help', 'Hilfe', ['de'])).toBe(true);
    expect(texts.categoriesIn('Arzt', ['de'])).toContain('health');
    expect(texts.categoriesIn('طبيب', ['ar'])).toContain('health');
  });
});

describe('console texts', () => {
  it('have the same keys in German and English', () => {
    const keys = (language: string) => [...flatten(read(language, 'console.json')).keys()].sort();
    expect(keys('de')).toEqual(keys('en'));
  });
});
