import { RegionSearch } from '../search/engine.js';
import type { Glossary } from '../search/glossary.js';
import type { SearchOptions } from '../search/options.js';
import type { Region } from './model.js';
import type { ContentProblem } from './problems.js';

/**
 * The regions Lotse serves, each with its search index. A re-import builds the new index off to
 * the side and swaps it in whole, so a question never sees half-loaded content.
 */

export interface LoadedRegionEntry {
  region: Region;
  readonly search: RegionSearch;
  loadedAt: Date;
  problems: ContentProblem[];
}

export class RegionRegistry {
  private readonly entries = new Map<string, LoadedRegionEntry>();

  constructor(
    private readonly glossary: Glossary | null,
    private readonly options: Partial<SearchOptions> = {},
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Makes a region live, replacing an earlier version with the same slug. Its search index is
   * built on first use (commands that never search stay fast); `lotse start` builds it at once.
   */
  put(region: Region, problems: ContentProblem[] = [], options: { indexNow?: boolean } = {}): LoadedRegionEntry {
    let search: RegionSearch | undefined;
    const { glossary } = this;
    const searchOptions = this.options;
    const entry: LoadedRegionEntry = {
      region,
      loadedAt: this.clock(),
      problems,
      get search() {
        search ??= new RegionSearch(region, glossary, searchOptions);
        return search;
      },
    };
    // A live swap builds the new index before it replaces the old one: questions never wait for it.
    if (options.indexNow) entry.search.warm();
    this.entries.set(region.slug, entry);
    return entry;
  }

  get(slug: string): LoadedRegionEntry | undefined {
    return this.entries.get(slug);
  }

  list(): LoadedRegionEntry[] {
    return [...this.entries.values()].sort((a, b) => a.region.slug.localeCompare(b.region.slug));
  }

  get size(): number {
    return this.entries.size;
  }
}
