// The real CLI as a child process, as people and scripts run it: with pipes, or inside a terminal.
// A terminal comes from util-linux's `script`, which gives the CLI a pseudo-terminal for stdin,
// stdout and stderr alike, so the output is what a person would see (both streams, in order).
import { execFile } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { projectRoot } from '../../src/config/paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TerminalRun {
  code: number;
  /** What the terminal showed, escape sequences (colours, cursor moves) removed, line ends "\n". */
  shown: string;
  /** The bytes as written, escape sequences included. */
  raw: string;
}

const CLI = ['--import', 'tsx', 'src/cli/main.ts'];
/** Long enough for a first model generation on a loaded machine; a hang is killed and fails. */
const TIMEOUT_MS = 240_000;

/** Runs the CLI with pipes for stdin, stdout and stderr. */
export function runCli(args: string[], env: Record<string, string>, input = ''): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...CLI, ...args],
      { cwd: projectRoot, env: { ...process.env, ...env }, timeout: TIMEOUT_MS, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

/** Runs the CLI in a terminal, `input` typed into it. */
export function runCliInTerminal(args: string[], env: Record<string, string>, input = ''): Promise<TerminalRun> {
  const command = [process.execPath, ...CLI, ...args].map(shellQuote).join(' ');
  return new Promise((resolve) => {
    const child = execFile(
      'script',
      ['--quiet', '--return', '--command', command, '/dev/null'],
      { cwd: projectRoot, env: { ...process.env, TERM: 'xterm', ...env }, timeout: TIMEOUT_MS, killSignal: 'SIGKILL' },
      (error, stdout) => {
        const raw = stdout.replace(/\r\n/g, '\n');
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, shown: stripVTControlCharacters(raw), raw });
      },
    );
    child.stdin?.end(input);
  });
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
