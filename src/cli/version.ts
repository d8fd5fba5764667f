import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '../paths.js';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(resolvePackagePath('package.json'), 'utf8')) as { version: string }).version;
}
