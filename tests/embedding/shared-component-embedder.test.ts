// The test variant of the offline model whose vectors share one component: unit vectors, a model id
// of its own (so an index built by one is never queried with the other), and cosines that sit far
// higher than the offline model's while ranking texts about alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../src/config/paths.js';
import { createEmbedder } from '../../src/embedding/create-embedder.js';
import type { Embedder } from '../../src/embedding/types.js';
import { cosine, norm } from './helpers.js';

let offline: Embedder;
let shared: Embedder;

beforeAll(async () => {
  const options = { modelsDir: fromProjectRoot('.models'), log: () => {} };
  offline = await createEmbedder({ ...options, model: 'offline' });
  shared = await createEmbedder({ ...options, model: 'offline-shared-component' });
});

afterAll(async () => {
  await offline.dispose();
  await shared.dispose();
});

const texts = ['Russia sold fighter jets to the Iraqi air force.', 'How long should bread dough rise?', 'Moscow supplied Baghdad with warplanes.'];

describe('shared-component embedder', () => {
  it('is a model of its own, with unit vectors of the same size', async () => {
    expect(shared.modelId).not.toBe(offline.modelId);
    expect(shared.modelId.startsWith(offline.modelId)).toBe(true);
    expect(shared.dimensions).toBe(offline.dimensions);
    for (const v of await shared.embedPassages(texts)) expect(norm(v)).toBeCloseTo(1, 5);
  });

  it('gives unrelated texts a cosine far above the offline model, and keeps the related pair closer', async () => {
    const [jets, bread, warplanes] = await offline.embedPassages(texts);
    const [sJets, sBread, sWarplanes] = await shared.embedPassages(texts);
    expect(cosine(sJets!, sBread!)).toBeGreaterThan(cosine(jets!, bread!) + 0.3);
    expect(cosine(sJets!, sBread!)).toBeGreaterThan(0.4);
    expect(cosine(sJets!, sWarplanes!)).toBeGreaterThan(cosine(sJets!, sBread!));
    expect(cosine(jets!, warplanes!)).toBeGreaterThan(cosine(jets!, bread!));
  });

  it('embeds a query as the offline model does, then shifts it', async () => {
    const query = await shared.embedQuery(texts[0]!);
    const [passage] = await shared.embedPassages([texts[0]!]);
    expect(cosine(query, passage!)).toBeCloseTo(1, 5);
  });
});
