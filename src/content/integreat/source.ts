import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { endpoints, type Endpoint } from './api.js';

/**
 * Where Integreat API responses come from: the live CMS over HTTP, or a folder of saved
 * responses laid out like the API's paths (`<dir>/<region>/<lang>/pages.json`, …).
 */
export interface IntegreatSource {
  /** Human-readable origin, for logs and the snapshot's provenance. */
  readonly location: string;
  /** The region list (`regions/`), or null when the source does not have it. */
  regions(): Promise<unknown[] | null>;
  /** The region's languages (`{region}/languages/`), or null when the source does not have it. */
  languages(region: string): Promise<unknown[] | null>;
  /** Language folders present, for sources without a languages list. */
  languageCodes(region: string): Promise<string[]>;
  /** One endpoint's items, or null when the source does not have that endpoint. */
  items(region: string, language: string, endpoint: Endpoint): Promise<unknown[] | null>;
}

/** The API said no or could not be reached; keeps the status for retry decisions. */
export class IntegreatHttpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'IntegreatHttpError';
  }
}

function expectArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected a JSON array, got ${value === null ? 'null' : typeof value}`);
  return value;
}

export interface HttpSourceOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  retries?: number;
  /** Waits between retries; injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

export class HttpIntegreatSource implements IntegreatSource {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly location: string,
    options: HttpSourceOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.retries = options.retries ?? 3;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  private async get(relative: string, allowMissing: boolean): Promise<unknown[] | null> {
    const url = `${this.location.replace(/\/+$/, '')}/api/v3/${relative}`;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          headers: { accept: 'application/json', 'x-integreat-development': 'true' },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        if (attempt < this.retries) {
          await this.sleep(1000 * 2 ** attempt);
          continue;
        }
        throw new IntegreatHttpError(`GET ${url} failed: ${error instanceof Error ? error.message : String(error)}`, null);
      }
      if (response.status === 404 && allowMissing) return null;
      if (response.status >= 500 && attempt < this.retries) {
        await this.sleep(1000 * 2 ** attempt);
        continue;
      }
      if (!response.ok) throw new IntegreatHttpError(`GET ${url} answered ${response.status}`, response.status);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new IntegreatHttpError(`GET ${url} did not answer JSON`, response.status);
      }
      return expectArray(body, `GET ${url}`);
    }
  }

  regions(): Promise<unknown[] | null> {
    return this.get(endpoints.regions(), true);
  }

  languages(region: string): Promise<unknown[] | null> {
    return this.get(endpoints.languages(region), false);
  }

  async languageCodes(): Promise<string[]> {
    return [];
  }

  items(region: string, language: string, endpoint: Endpoint): Promise<unknown[] | null> {
    // Pages are the region's content: missing pages fail the import. The rest may be switched off.
    return this.get(endpoints[endpoint](region, language), endpoint !== 'pages');
  }
}

/** Reads saved responses: `<dir>/regions.json`, `<dir>/<region>/languages.json`, `<dir>/<region>/<lang>/<endpoint>.json`. */
export class DirectoryIntegreatSource implements IntegreatSource {
  constructor(readonly location: string) {}

  private async read(...segments: string[]): Promise<unknown[] | null> {
    const file = path.join(this.location, ...segments);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    return expectArray(body, file);
  }

  regions(): Promise<unknown[] | null> {
    return this.read('regions.json');
  }

  languages(region: string): Promise<unknown[] | null> {
    return this.read(region, 'languages.json');
  }

  async languageCodes(region: string): Promise<string[]> {
    const entries = await readdir(path.join(this.location, region), { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  }

  items(region: string, language: string, endpoint: Endpoint): Promise<unknown[] | null> {
    return this.read(region, language, `${endpoint}.json`);
  }
}
