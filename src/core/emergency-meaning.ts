import type { Glossary } from '../search/glossary.js';
import type { EmergencyCategory } from './i18n.js';

/**
 * Emergencies recognised by what a message says rather than by set phrases: "the baby ate
 * grandma's tablets", "ابويا مش قادر ياخد نفسه", "mama впала, голова в крові" name an action
 * and what it happened with, in any words of any language the glossary's everyday concepts know
 * (swallow, pill, fall, bleeding, missing …). A category needs one concept of each of its groups;
 * single nouns ("violence", "poison") never suffice, because questions about those topics use
 * them too.
 */

interface Meaning {
  category: Exclude<EmergencyCategory, 'general'>;
  /** Each group must be present, by any of its concepts. */
  groups: readonly (readonly string[])[];
}

const MEANINGS: readonly Meaning[] = [
  { category: 'poisoning', groups: [['swallow', 'eat', 'drink'], ['pill', 'medicine', 'poison', 'clean', 'alcohol']] },
  { category: 'poisoning', groups: [['swallow', 'eat', 'drink'], ['vomit', 'unconscious']] },
  { category: 'suicide', groups: [['suicide']] },
  { category: 'violence', groups: [['hit', 'beat-up', 'threaten', 'kill', 'rape', 'attack']] },
  { category: 'fire', groups: [['fire', 'smoke'], ['flat', 'kitchen', 'house', 'room']] },
  { category: 'child', groups: [['child', 'baby', 'son', 'daughter'], ['missing', 'alone', 'danger']] },
  { category: 'accident', groups: [['fall', 'accident'], ['bleeding', 'blood', 'head', 'injury', 'unconscious']] },
  { category: 'medical', groups: [['heart-attack', 'unconscious', 'seizure', 'choke', 'breathless', 'chest-pain', 'drown']] },
  { category: 'medical', groups: [['chest'], ['pain']] },
];

/** The kind of emergency a message describes through everyday concepts, or null. */
export function emergencyByMeaning(message: string, language: string, glossary: Glossary): Exclude<EmergencyCategory, 'general'> | null {
  // Read in the user's language, German and English only: read in all ten, short words of one
  // language collide with words of another ("zu hause" is no beating).
  const concepts = new Set(glossary.match(message, language === 'en' ? 'de' : 'en', language).filter((match) => match.tier === 'everyday').map((match) => match.conceptId));
  if (concepts.size === 0) return null;
  return MEANINGS.find((meaning) => meaning.groups.every((group) => group.some((concept) => concepts.has(concept))))?.category ?? null;
}
