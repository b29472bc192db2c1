// One temporary folder per bench run for the generated models and every index the bench builds, so
// the project's own embeddings/ and .models/ are never read or written. Removed when the run ends.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class BenchWorkspace {
  private constructor(readonly root: string) {}

  static async create(): Promise<BenchWorkspace> {
    return new BenchWorkspace(await mkdtemp(join(tmpdir(), 'cited-sources-bench-')));
  }

  get modelsDir(): string {
    return join(this.root, 'models');
  }

  /** A fresh, empty folder inside the workspace. */
  async folder(name: string): Promise<string> {
    const path = join(this.root, name);
    await rm(path, { recursive: true, force: true });
    await mkdir(path, { recursive: true });
    return path;
  }

  async dispose(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}
