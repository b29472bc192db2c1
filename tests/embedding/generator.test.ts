// The offline model generator: complete Hugging Face layout, byte-identical output on every run,
// and a plain variant when WordNet is unavailable.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOfflineModel, OFFLINE_GENERATOR_VERSION, OFFLINE_MODEL_NAME } from '../../src/embedding/offline/generate-offline-model.js';
import type { OfflineModelReport } from '../../src/embedding/offline/generate-offline-model.js';
import { scratchDir } from './helpers.js';

const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx'];

describe('generateOfflineModel', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  let first: OfflineModelReport;
  let second: OfflineModelReport;
  const stages: { completed: number; total: number; label: string }[] = [];

  beforeAll(async () => {
    scratch = await scratchDir('offline-generator');
    first = await generateOfflineModel(path.join(scratch.dir, 'a'), { onStage: (stage) => stages.push(stage) });
    second = await generateOfflineModel(path.join(scratch.dir, 'b'));
  });
  afterAll(() => scratch.remove());

  it('writes every file transformers.js reads, under <modelsDir>/<name>', () => {
    expect(first.dir).toBe(path.join(scratch.dir, 'a', OFFLINE_MODEL_NAME));
    expect(Object.keys(first.files).sort()).toEqual([...FILES].sort());
    for (const file of FILES) expect(first.files[file]).toBeGreaterThan(0);
    // int8 table plus one scale per row: about a quarter of the float32 table.
    expect(first.files['onnx/model_quantized.onnx']!).toBeLessThan(first.files['onnx/model.onnx']! / 3);
  });

  it('reports each stage as it starts, then once when all are done', () => {
    const total = stages[0]!.total;
    expect(stages.map((stage) => stage.completed)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    expect(stages.every((stage) => stage.total === total && stage.label.length > 0)).toBe(true);
    expect(stages.map((stage) => stage.label)).toContain('building the word vectors');
    expect(stages.at(-1)!.label).toBe('done');
  });

  it('records the generator version and the WordNet variant in config.json', async () => {
    const config = JSON.parse(await readFile(path.join(first.dir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      model_type: 'bert',
      offline_generator_version: OFFLINE_GENERATOR_VERSION,
      offline_variant: 'wordnet-retrofit',
      offline_output: 'pooled',
      hidden_size: 256,
    });
  });

  it('is deterministic: two generations are byte-identical', async () => {
    for (const file of FILES) {
      const a = await readFile(path.join(first.dir, file));
      const b = await readFile(path.join(second.dir, file));
      expect(a.equals(b), file).toBe(true);
    }
  });

  it('makes the plain variant, with one warning line, when the WordNet database cannot be found', async () => {
    const warnings: string[] = [];
    const missing = path.join(scratch.dir, 'no-wordnet-here');
    const plain = await generateOfflineModel(path.join(scratch.dir, 'plain'), { wordnetDir: missing, log: (m) => warnings.push(m) });
    expect(plain.config.offline_variant).toBe('plain');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/WordNet.*plain/);
  });
});
