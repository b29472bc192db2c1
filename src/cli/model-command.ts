// `npm run model`: (re)generate the offline model; normally this happens by itself when it is missing.
import { fromProjectRoot } from '../config/paths.js';
import { generateOfflineModel } from '../embedding/offline/generate-offline-model.js';
import type { CliContext } from './context.js';

export async function runModel({ config }: CliContext, options: { plain?: boolean }): Promise<number> {
  const report = await generateOfflineModel(fromProjectRoot(config.MODELS_DIR), options.plain ? { wordnetDir: null } : {});
  console.log(JSON.stringify(report, null, 2));
  return 0;
}
