import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Model generation and index builds are real work, not mocks: give them room.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // onnxruntime-node and hnswlib-node are native addons; forks isolate them cleanly.
    pool: 'forks',
  },
});
