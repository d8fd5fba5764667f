import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    expect(config.DATA_DIR).toBe(path.resolve('./data'));
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.INTEGREAT_REGIONS).toEqual([]);
    expect(config.SYNC_INTERVAL).toBe(6 * 3_600_000);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://lotse.example' }).PUBLIC_URL).toBe('https://lotse.example');
  });

  it('parses lists and durations', () => {
    const config = loadConfig({ INTEGREAT_REGIONS: 'augsburg, lkaugsburg,', SYNC_INTERVAL: '30m', PORT: '8080' });
    expect(config.INTEGREAT_REGIONS).toEqual(['augsburg', 'lkaugsburg']);
    expect(config.SYNC_INTERVAL).toBe(1_800_000);
    expect(config.PORT).toBe(8080);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', SYNC_INTERVAL: 'often' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', SYNC_INTERVAL: 'often' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT[\s\S]*LOG_LEVEL[\s\S]*SYNC_INTERVAL/);
    }
  });
});
