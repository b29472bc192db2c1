// What a person at a terminal sees while the engine opens: a status line while the offline model is
// generated (the first run only, some seconds of work), then a bar while passages are embedded.
// Nothing when stderr is not a terminal, and no bar when nothing needs embedding.
import { clearLine, cursorTo } from 'node:readline';
import { Presets, SingleBar } from 'cli-progress';
import type { GenerationStageCallback } from '../embedding/offline/generate-offline-model.js';
import type { ProgressCallback } from '../store/embed-in-batches.js';

export interface StartupProgress {
  onModelGeneration: GenerationStageCallback;
  onEmbedding: ProgressCallback;
  /** Ends whatever is still drawn. */
  stop(): void;
}

export function startupProgress(stream: NodeJS.WriteStream = process.stderr): StartupProgress {
  const terminal = Boolean(stream.isTTY);
  const bar = new SingleBar({ format: 'Embedding passages [{bar}] {value}/{total}', stream, hideCursor: true }, Presets.shades_classic);
  let barShown = false;
  let generationStarted: number | undefined;
  const seconds = () => ((performance.now() - (generationStarted ?? performance.now())) / 1000).toFixed(0);

  // The generator runs synchronously within a stage, so the line changes when a stage starts.
  const status = (text: string, end = '') => {
    if (!terminal) return;
    cursorTo(stream, 0);
    clearLine(stream, 0);
    stream.write(`${text}${end}`);
  };
  const endGeneration = () => {
    if (generationStarted === undefined) return;
    status(`Generated the offline embedding model in ${seconds()} s.`, '\n');
    generationStarted = undefined;
  };

  return {
    onModelGeneration: ({ completed, total, label }) => {
      generationStarted ??= performance.now();
      if (completed === total) endGeneration();
      else status(`Generating the offline embedding model (first run only): ${label}… [${completed + 1}/${total}, ${seconds()} s]`);
    },
    onEmbedding: (done, total) => {
      endGeneration();
      // Nothing new to embed: an empty "0/0" bar would only look like something is wrong.
      if (total === 0) return;
      if (!barShown) bar.start(total, 0);
      barShown = true;
      bar.update(done);
    },
    stop: () => {
      endGeneration();
      if (barShown) bar.stop();
    },
  };
}
