// The configured folders, checked before anything touches them, so a mistake is one line in the
// configuration report rather than a raw errno message later, or a hang: the kernel's pseudo file
// systems (/proc, /sys) answer mkdir in ways that make Node's recursive mkdir spin for ever.
// Only stat and access are used here: checking never creates, writes or blocks.
import { accessSync, constants, lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { fromProjectRoot } from './paths.js';

export interface FolderSettings {
  SEEDS_DIR: string;
  EMBEDDINGS_DIR: string;
  MODELS_DIR: string;
}

const SYSTEM_FOLDERS = ['/proc', '/sys'];

/** One "  NAME: problem" line per unusable folder, in the format of the other configuration problems. */
export function folderProblems(folders: FolderSettings): string[] {
  const problems = [
    ['SEEDS_DIR', readableFolder(fromProjectRoot(folders.SEEDS_DIR))],
    ['EMBEDDINGS_DIR', writableFolder(fromProjectRoot(folders.EMBEDDINGS_DIR))],
    ['MODELS_DIR', writableFolder(fromProjectRoot(folders.MODELS_DIR))],
  ] as const;
  return problems.flatMap(([name, problem]) => (problem ? [`  ${name}: ${problem}`] : []));
}

/** The sources' folder: must exist and be readable. */
function readableFolder(path: string): string | undefined {
  const system = systemFolder(path);
  if (system) return system;
  const kind = kindOf(path);
  if (kind === 'missing') return isLink(path) ? `${path} is a link to something that does not exist` : `${path} does not exist`;
  if (kind === 'file') return `${path} is a file, not a folder`;
  if (!allowed(path, constants.R_OK | constants.X_OK)) return `${path} cannot be read (permission denied)`;
  return undefined;
}

/** The index and model folders: written to, and made on first use when missing. */
function writableFolder(path: string): string | undefined {
  const system = systemFolder(path);
  if (system) return system;
  const kind = kindOf(path);
  if (kind === 'file') return `${path} is a file, not a folder`;
  if (kind === 'folder') {
    return allowed(path, constants.W_OK | constants.X_OK) ? undefined : `${path} is not writable (permission denied)`;
  }
  if (isLink(path)) return `${path} is a link to something that does not exist`;
  const parent = nearestExisting(path);
  if (kindOf(parent) !== 'folder') return `${path} cannot be created: ${parent} is a file, not a folder`;
  if (!allowed(parent, constants.W_OK | constants.X_OK)) return `${path} cannot be created: ${parent} is not writable (permission denied)`;
  return undefined;
}

/** Paths under /proc or /sys, as written or once symbolic links are followed. */
function systemFolder(path: string): string | undefined {
  const real = realpathOf(nearestExisting(path));
  const inside = SYSTEM_FOLDERS.find((root) => [path, real].some((p) => p === root || p.startsWith(`${root}${sep}`)));
  return inside && `${path} is under ${inside}, a view of the kernel, not a place for files: choose a folder of your own`;
}

function kindOf(path: string): 'missing' | 'file' | 'folder' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    // Missing, a dangling link, or a parent that is a file: nothing usable is there.
    return 'missing';
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function nearestExisting(path: string): string {
  let current = path;
  while (kindOf(current) === 'missing' && dirname(current) !== current) current = dirname(current);
  return current;
}

function realpathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function allowed(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}
