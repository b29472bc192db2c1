// The command line: one entry point, one subcommand per npm script. Each command's modules are
// imported when it runs (only the bot and the commands that render replies load discord.js), and a
// command that opens the engine starts reading the index first, so that the reading overlaps the
// imports (./context.ts).
import { Command, InvalidArgumentError } from 'commander';
import type { StoreKind } from '../bench/scale-bench.js';
import { ConfigError } from '../config/config.js';
import { terminalSafe } from '../engine/control-characters.js';
import { scrubStream } from '../log/scrub.js';
import { cliContext, readIndexAhead } from './context.js';

// Whatever the CLI prints (its own messages, a library's, an error echoing a Discord reply), the
// bot token is never among it; read at each write, so a token from .env counts once loaded.
for (const stream of [process.stdout, process.stderr]) scrubStream(stream, () => [process.env.DISCORD_TOKEN]);

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
};

const storeKinds = (value: string): StoreKind[] => {
  const kinds = value.split(',');
  if (!kinds.every((kind): kind is StoreKind => kind === 'embedded' || kind === 'postgres')) throw new InvalidArgumentError('stores are embedded and postgres');
  return kinds;
};

const program = new Command()
  .name('cited-sources-bot')
  .description('Answers questions about the sources in seeds/ with verbatim, cited excerpts.')
  .showHelpAfterError();

program
  .command('start')
  .description('Start the Discord bot (DISCORD_TOKEN set) or the interactive console (no token)')
  .action(async () => {
    const context = cliContext();
    // The sharding manager opens no engine: each shard process does (../discord/shard-process.ts).
    const manager = Boolean(context.config.DISCORD_TOKEN && context.config.SHARDS);
    const ready = manager ? context : readIndexAhead(context);
    const { runStart } = await import('./start.js');
    exit(await runStart(ready));
  });

program
  .command('index')
  .description('Build or update the vector index in embeddings/')
  .action(async () => {
    const context = readIndexAhead(cliContext());
    const { runIndex } = await import('./index-command.js');
    exit(await runIndex(context));
  });

program
  .command('ask')
  .description('Answer a question as the bot would')
  .argument('[question...]', 'the question')
  .option('-s, --source <slug-or-file>', 'only this source (slug, command or file name)')
  .option('-k, --count <n>', 'at most this many excerpts (1–10; weak ones are left out)', positiveInt)
  .option('--json', 'print the answer as JSON (schema in ../shared/eval/README.md)')
  .option('--questions <file.jsonl>', 'answer every question of a JSON-lines file, one JSON answer a line')
  .action(async (words: string[], options: { source?: string; count?: number; json?: boolean; questions?: string }, command: Command) => {
    // Said before anything loads: a bare `npm run ask` is a usage question, not an empty question.
    if (words.length === 0 && !options.questions) command.error('error: no question given, e.g. npm run -s ask -- "Who wrote the Informed Comment post?"');
    const context = readIndexAhead(cliContext());
    const [{ openEngineWithProgress }, { runAsk }] = await Promise.all([import('./open-with-progress.js'), import('./ask.js')]);
    const { engine } = await openEngineWithProgress(context);
    try {
      exit(await runAsk(engine, words.join(' '), { ...options, k: options.count }, process.stdout));
    } finally {
      await engine.close();
    }
  });

program
  .command('register')
  .description('Register the slash commands with Discord (per guild when DISCORD_GUILD_ID is set)')
  .action(async () => {
    const context = cliContext();
    const { runRegister } = await import('./register-command.js');
    exit(await runRegister(context));
  });

program
  .command('eval')
  .description('Answer every question set (../shared/eval, tests/heldout) and print the scorer figures of each')
  .option('--questions <file.jsonl>', 'only this questions file, with the scorer\'s full output')
  .option('--model <model>', 'embedding model (default: EMBEDDING_MODEL)')
  .action(async (options: { questions?: string; model?: string }) => {
    const context = readIndexAhead(cliContext());
    const { runEval } = await import('./eval-command.js');
    exit(await runEval(context, options));
  });

program
  .command('model')
  .description('Generate the offline embedding model into .models/ (normally automatic)')
  .option('--plain', 'without the WordNet retrofit')
  .action(async (options: { plain?: boolean }) => {
    const context = cliContext();
    const { runModel } = await import('./model-command.js');
    exit(await runModel(context, options));
  });

program
  .command('calibrate')
  .description('Compare fusion methods and abstention thresholds on the held-out questions; figures of every set')
  .option('--questions <file.jsonl...>', 'held-out questions (default: both sets in tests/heldout)')
  .action(async (options: { questions?: string[] }) => {
    const context = readIndexAhead(cliContext());
    const { runCalibrate } = await import('./calibrate-command.js');
    exit(await runCalibrate(context, options));
  });

program
  .command('bench')
  .description('Measure build throughput, query latency, HNSW recall, memory and cold start')
  .option('--json', 'print one JSON object')
  .option('--quick', 'skip the 100,000-passage corpus')
  .option('--scale', 'instead: build and query both stores at 10,000, 100,000 and 1,000,000 synthetic passages')
  .option('--sizes <list>', 'with --scale: corpus sizes, comma-separated', '10000,100000,1000000')
  .option('--stores <list>', 'with --scale: embedded, postgres or both', 'embedded,postgres')
  .option('--database-url <url>', 'with --scale: a scratch Postgres with pgvector the bench may empty (default: PGlite)')
  .option('--lexical-ranking', 'instead: compare Postgres full-text ranking and BM25 in SQL with minisearch on the held-out questions')
  .action(async (options: { json?: boolean; quick?: boolean; scale?: boolean; sizes: string; stores: string; databaseUrl?: string; lexicalRanking?: boolean }) => {
    const scale = options.scale
      ? { sizes: options.sizes.split(',').map(positiveInt), stores: storeKinds(options.stores), ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) }
      : undefined;
    const context = cliContext();
    const { runBench } = await import('./bench-command.js');
    exit(await runBench(context, { json: options.json, quick: options.quick, scale, lexicalRanking: options.lexicalRanking }));
  });

program
  .command('feedback')
  .description('Summarise the feedback log: declined questions and answers voted 👎, the ones to add sources for')
  .option('--json', 'print the summary as JSON')
  .option('--log <file.jsonl>', 'another log than FEEDBACK_LOG')
  .action(async (options: { json?: boolean; log?: string }) => {
    const context = cliContext();
    const { runFeedback } = await import('./feedback-command.js');
    exit(await runFeedback(context, options));
  });

function exit(code: number): void {
  process.exitCode = code;
}

program.parseAsync().catch(async (error: unknown) => {
  process.exitCode = 1;
  // Messages may echo what was typed (a --source with control characters): terminal-safe.
  console.error(terminalSafe(await errorMessage(error)));
});

async function errorMessage(error: unknown): Promise<string> {
  const plain = `Error: ${error instanceof Error ? error.message : String(error)}`;
  if (error instanceof ConfigError) return error.message;
  try {
    // Imported only now: both load discord.js, which most commands never need.
    const [{ describeError }, { isDiscordSetupError }] = await Promise.all([import('../replies/error.js'), import('../discord/errors.js')]);
    if (isDiscordSetupError(error)) return error.message;
    const { message, expected } = describeError(error);
    return expected ? message : plain;
  } catch {
    return plain;
  }
}
