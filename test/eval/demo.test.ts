import { describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../../src/content/demo.js';
import { RegionRegistry } from '../../src/content/registry.js';
import { BotTexts } from '../../src/core/i18n.js';
import { EVAL_NOW, evaluateDemo, halfOf, readDemoSet } from '../../src/eval/demo.js';
import { readRecorded, regressions } from '../../src/eval/demo-recorded.js';
import { shippedGlossary } from '../../src/search/glossary.js';

const set = readDemoSet();
const texts = new BotTexts();
const region = loadDemoRegion(EVAL_NOW);

describe('the demo evaluation set', () => {
  it('has at least 25 questions and 10 emergencies in every language the bot speaks, and 40 off-topic messages', () => {
    for (const language of texts.languages) {
      expect(set.questions.filter((query) => query.language === language).length, language).toBeGreaterThanOrEqual(25);
      expect(set.emergencies.filter((query) => query.language === language && query.emergency).length, language).toBeGreaterThanOrEqual(10);
    }
    expect(set.offTopic.length).toBeGreaterThanOrEqual(40);
  });

  it('names only items the demo region has', () => {
    const keys = new Set([...region.pages.map((item) => `page:${item.id}`), ...region.events.map((item) => `event:${item.id}`), ...region.pois.map((item) => `poi:${item.id}`)].map((key) => key.split('@')[0]));
    for (const query of [...set.questions, ...set.emergencies, ...set.offTopic]) {
      for (const gold of query.gold) expect(keys.has(gold), `${query.id}: ${gold}`).toBe(true);
    }
  });

  it('splits into two halves of similar size', () => {
    const report = set.questions.filter((query) => halfOf(query.id) === 'report').length;
    expect(report / set.questions.length).toBeGreaterThan(0.4);
    expect(report / set.questions.length).toBeLessThan(0.6);
  });
});

describe('answers on the reporting half', () => {
  it('stay within the margins of the recorded figures', () => {
    const recorded = readRecorded();
    expect(recorded, 'bench/queries/demo/recorded.json is missing: run lotse eval --demo --record').not.toBeNull();
    const entry = new RegionRegistry(shippedGlossary()).put(region);
    const report = evaluateDemo({ entry, texts, now: EVAL_NOW, half: 'report', set });
    expect(regressions(report, recorded!)).toEqual([]);
  });
});
