import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../../src/content/demo.js';
import { writeSnapshot } from '../../src/content/snapshot.js';

// The contract is tested on the built CLI, as an external evaluator runs it (`npm test` builds first).
const cli = path.resolve('dist/src/cli/main.js');
let dir = '';
let content = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lotse-cli-'));
  content = path.join(dir, 'musterstadt.json');
  await writeSnapshot(loadDemoRegion(new Date('2026-11-21T10:00:00Z')), content);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(args: string[], input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

describe('lotse search --content FILE --jsonl', () => {
  it('answers one line per question, in order, with the contract shape', async () => {
    const questions = [
      { id: 'q1', question: 'Wo melde ich meine Wohnung an?', language: 'de', extra: 'ignored' },
      { id: 'q2', question: 'كيف أجد طبيب أسنان؟', language: 'ar' },
      { id: 3, question: 'Kindergeld', language: 'ru' },
      { id: 'q4', question: 'Wie backe ich eine Pizza?', language: 'de' },
    ];
    const { stdout, code } = await run(['search', '--content', content, '--jsonl'], questions.map((line) => JSON.stringify(line)).join('\n') + '\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: unknown; hits: { pageId: string; score: number; sentences: string[] }[]; ms: number });
    expect(lines.map((line) => line.id)).toEqual(['q1', 'q2', 3, 'q4']);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['hits', 'id', 'ms']);
      expect(line.hits.length).toBeLessThanOrEqual(10);
      expect(line.ms).toBeGreaterThanOrEqual(0);
      for (const hit of line.hits) {
        expect(typeof hit.pageId).toBe('string');
        expect(typeof hit.score).toBe('number');
        expect(hit.sentences.length).toBeLessThanOrEqual(3);
      }
    }
    expect(lines[0]!.hits[0]!.pageId).toBe('registration@de');
    expect(lines[0]!.hits[0]!.sentences.length).toBeGreaterThan(0);
    expect(lines[1]!.hits[0]!.pageId).toMatch(/@ar$/);
    expect(lines[2]!.hits[0]!.pageId).toMatch(/@de$/);
  });

  it('keeps the order when a line is broken', async () => {
    const { stdout } = await run(['search', '--content', content, '--jsonl'], '{"id":"a","question":"Kita","language":"de"}\nnot json\n{"id":"c"}\n');
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: unknown; error?: string });
    expect(lines.map((line) => line.id)).toEqual(['a', null, 'c']);
    expect(lines[1]!.error).toBeDefined();
    expect(lines[2]!.error).toContain('question');
  });
});
