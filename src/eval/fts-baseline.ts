import Database from 'better-sqlite3';
import type { Page } from '../content/model.js';

/**
 * The baseline every number is compared with: SQLite FTS5 with BM25, `unicode61
 * remove_diacritics 2`, the question's words OR-ed. A plain, well-known lexical engine.
 */
export class FtsBaseline {
  private readonly db = new Database(':memory:');
  private readonly select;

  constructor(pages: readonly Page[]) {
    this.db.exec("CREATE VIRTUAL TABLE pages USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')");
    const insert = this.db.prepare('INSERT INTO pages (id, title, body) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const page of pages) insert.run(page.id, page.title, page.text.blocks.map((block) => block.text).join('\n'));
    })();
    this.select = this.db.prepare<[string], { id: string }>('SELECT id FROM pages WHERE pages MATCH ? ORDER BY bm25(pages) LIMIT 10');
  }

  search(question: string): string[] {
    const words = question.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    const match = [...new Set(words.map((word) => word.toLowerCase()))].map((word) => `"${word.replaceAll('"', '""')}"`).join(' OR ');
    return this.select.all(match).map((row) => row.id);
  }

  close(): void {
    this.db.close();
  }
}
