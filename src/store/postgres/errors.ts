// Problems with DATABASE_URL's server, worded for the person who set it. They are configuration
// problems (a wrong URL, a server without pgvector), so the CLI prints them like the others: one
// message, no stack.
import { ConfigError } from '../../config/config.js';

export class DatabaseSetupError extends ConfigError {}

/** The URL without its password, fit for a message or a log line. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

/** Network errors that mean the server was never reached. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Postgres SQLSTATE codes of a refused login or a missing database. */
const LOGIN_CODES: Readonly<Record<string, string>> = {
  '28P01': 'the password was rejected',
  '28000': 'the login was refused',
  '3D000': 'the database does not exist',
};

/** A DatabaseSetupError for a failure to connect, or undefined when `error` is something else. */
export function connectionProblem(error: unknown, url: string): DatabaseSetupError | undefined {
  const { code, message } = error as { code?: string; message?: string };
  const where = describeDatabaseUrl(url);
  if ((code && UNREACHABLE_CODES.has(code)) || /timeout|terminated unexpectedly/i.test(message ?? '')) {
    return new DatabaseSetupError(
      `Cannot reach the Postgres server at ${where} (${code ?? message}). Check DATABASE_URL and that the server is running, or unset DATABASE_URL to use the embedded index in embeddings/.`,
    );
  }
  const login = code ? LOGIN_CODES[code] : undefined;
  if (login) return new DatabaseSetupError(`Cannot use the Postgres database at ${where}: ${login} (${message}). Check DATABASE_URL.`);
  return undefined;
}

export function missingVectorExtension(url: string, detail: string): DatabaseSetupError {
  return new DatabaseSetupError(
    `The Postgres server at ${describeDatabaseUrl(url)} has no pgvector extension ("vector"), which the store needs (${detail}). ` +
      'Install pgvector 0.8 or newer on the server (managed services: enable the "vector" extension), or unset DATABASE_URL to use the embedded index.',
  );
}
