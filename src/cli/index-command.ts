// `npm run index`: build or update the index, then one summary line.
import type { CliContext } from './context.js';
import { openEngineWithProgress } from './open-with-progress.js';

export async function runIndex(context: CliContext): Promise<number> {
  const { engine, stats } = await openEngineWithProgress(context);
  await engine.close();
  const how = stats.rebuilt ? 'rebuilt' : stats.written ? 'updated' : 'up to date';
  console.log(
    `Index ${how}: ${stats.sources} sources, ${stats.passages} passages (${stats.embedded} embedded, ${stats.reused} reused), model ${engine.modelId}, ${stats.seconds.toFixed(2)} s.`,
  );
  return 0;
}
