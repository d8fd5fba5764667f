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
  search: RegionSearch;
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

  /** Indexes a region and makes it live, replacing an earlier version with the same slug. */
  put(region: Region, problems: ContentProblem[] = []): LoadedRegionEntry {
    const entry = { region, search: new RegionSearch(region, this.glossary, this.options), loadedAt: this.clock(), problems };
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
