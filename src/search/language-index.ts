import type { Event, ItemKind, Page, Poi, Region, SearchableItem } from '../content/model.js';
import { analyzeEach, analyzeWord } from './analyze.js';
import { splitCompound } from './compounds.js';
import { IndexBuilder, type InvertedIndex } from './inverted-index.js';
import type { SearchOptions } from './options.js';
import { Vocabulary } from './vocabulary.js';

/**
 * The searchable form of one region's content in one language: an inverted index over pages,
 * events and places, the vocabulary for typo correction, and each document's sentences with
 * their terms, ready for answer extraction.
 */

export interface IndexedSentence {
  text: string;
  /** Position in the item's reading order (0 = first sentence of the body). */
  index: number;
  /** Index of the text block (paragraph, list item, heading, cell) the sentence is in. */
  block: number;
  /** Distinct terms; a short array is smaller and as fast as a Set for sentence-sized lists. */
  terms: readonly string[];
  isHeading: boolean;
}

export interface IndexedDocument {
  kind: ItemKind;
  item: SearchableItem;
  /** Terms of the title, for answer scoring and the console's "why". */
  titleTerms: readonly string[];
  sentences: IndexedSentence[];
  /** False for category pages without text of their own. */
  hasText: boolean;
}

const FIELD_ORDER = ['title', 'context', 'headings', 'body'] as const;

/** A field's index terms and the normalised words they came from, side by side. */
interface FieldWords {
  terms: string[];
  words: string[];
}

/** Languages that build compounds by gluing words together. */
const COMPOUNDING = new Set(['de', 'nl', 'sv', 'da', 'no']);

export class LanguageIndex {
  readonly documents: IndexedDocument[] = [];
  private readonly numberById = new Map<string, number>();
  readonly index: InvertedIndex;
  readonly vocabulary: Vocabulary;
  private readonly compoundCache = new Map<string, string[] | null>();
  private readonly languages: readonly string[];

  constructor(
    readonly region: Region,
    readonly language: string,
    readonly options: SearchOptions,
  ) {
    this.languages = [language];
    const pages = region.pages.filter((page) => page.language === language);
    const pagesById = new Map(region.pages.map((page) => [page.id, page]));
    const poisById = new Map(region.pois.map((poi) => [poi.id, poi]));

    const analyzed: { doc: IndexedDocument; fields: FieldWords[] }[] = [];
    for (const page of pages) analyzed.push(this.analyzePage(page, pagesById));
    for (const event of region.events.filter((item) => item.language === language)) analyzed.push(this.analyzeEvent(event, poisById));
    for (const poi of region.pois.filter((item) => item.language === language)) analyzed.push(this.analyzePoi(poi));

    // Vocabulary first: compound splitting only accepts parts that are words of this corpus.
    const words = new Set<string>();
    for (const { fields } of analyzed) for (const field of fields) for (const term of field.terms) words.add(term);
    this.vocabulary = new Vocabulary(words);

    const builder = new IndexBuilder({ k1: options.k1, fields: FIELD_ORDER.map((name) => options.fields[name]) });
    for (const { doc, fields } of analyzed) {
      builder.startDocument();
      fields.forEach((field, number) => this.addField(builder, number, field));
      builder.endDocument();
      this.numberById.set(`${doc.kind}:${doc.item.id}`, this.documents.length);
      this.documents.push(doc);
    }
    this.index = builder.build();
  }

  /** The indexed document of an item, if it is in this index. */
  documentOf(kind: ItemKind, id: string): IndexedDocument | undefined {
    const number = this.numberOf(kind, id);
    return number === undefined ? undefined : this.documents[number];
  }

  /** The document number of an item, if it is in this index. */
  numberOf(kind: ItemKind, id: string): number | undefined {
    return this.numberById.get(`${kind}:${id}`);
  }

  /** Compound parts of a normalised word, as index terms; null when it is not a compound. */
  compoundParts(word: string): string[] | null {
    if (!COMPOUNDING.has(this.language)) return null;
    let parts = this.compoundCache.get(word);
    if (parts === undefined) {
      parts = splitCompound(word, (part) => analyzeWord(part, this.language) ?? part, (term) => this.vocabulary.has(term));
      this.compoundCache.set(word, parts);
    }
    return parts;
  }

  /** Adds a field's terms, and the parts of its compound words at a lower weight. */
  private addField(builder: IndexBuilder, field: number, { terms, words }: FieldWords): void {
    for (let at = 0; at < terms.length; at++) {
      const term = terms[at]!;
      builder.add(field, term);
      for (const part of this.compoundParts(words[at]!) ?? []) {
        if (part !== term) builder.add(field, part, this.options.compoundPartWeight);
      }
    }
  }

  private analyzeText(text: string, into: FieldWords = { terms: [], words: [] }): FieldWords {
    analyzeEach(text, this.languages, (term, word) => {
      into.terms.push(term);
      into.words.push(word);
    });
    return into;
  }

  /** Analyses an item's sentences once, for both the answer sentences and the headings and body fields. */
  private analyzeSentences(item: SearchableItem, extraBody = ''): { sentences: IndexedSentence[]; headings: FieldWords; body: FieldWords } {
    const sentences: IndexedSentence[] = [];
    const headings: FieldWords = { terms: [], words: [] };
    const body = this.analyzeText(extraBody);
    item.text.sentences.forEach((sentence, index) => {
      const isHeading = item.text.blocks[sentence.block]?.kind === 'heading';
      const target = isHeading ? headings : body;
      const from = target.terms.length;
      this.analyzeText(sentence.text, target);
      sentences.push({ text: sentence.text, index, block: sentence.block, terms: [...new Set(target.terms.slice(from))], isHeading });
    });
    return { sentences, headings, body };
  }

  private analyzeItem(kind: ItemKind, item: SearchableItem, context: string, extraBody = ''): { doc: IndexedDocument; fields: FieldWords[] } {
    const title = this.analyzeText(item.title);
    const { sentences, headings, body } = this.analyzeSentences(item, extraBody);
    return {
      doc: { kind, item, titleTerms: [...new Set(title.terms)], sentences, hasText: item.text.sentences.length > 0 },
      fields: [title, this.analyzeText(context), headings, body],
    };
  }

  private analyzePage(page: Page, pagesById: Map<string, Page>) {
    const ancestors: string[] = [];
    const seen = new Set([page.id]);
    for (let parent = page.parent; parent !== null && !seen.has(parent); ) {
      seen.add(parent);
      const ancestor = pagesById.get(parent);
      if (ancestor === undefined) break;
      ancestors.push(ancestor.title);
      parent = ancestor.parent;
    }
    return this.analyzeItem('page', page, ancestors.join('\n'));
  }

  private analyzeEvent(event: Event, poisById: Map<string, Poi>) {
    const place = event.locationPoiId ? poisById.get(event.locationPoiId)?.title : event.locationText;
    return this.analyzeItem('event', event, place ?? '');
  }

  private analyzePoi(poi: Poi) {
    const category = poi.category ? (poi.category.names[this.language] ?? Object.values(poi.category.names)[0] ?? '') : '';
    const address = [poi.address.street, poi.address.postcode, poi.address.city].filter(Boolean).join(' ');
    return this.analyzeItem('poi', poi, category, address);
  }
}
