// Project-relative locations, resolved once so every command agrees on them.
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, resolve } from 'node:path';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fromProjectRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(projectRoot, path);
}
