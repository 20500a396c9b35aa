/**
 * The server's log: one line per event, on stdout (info) or stderr (warnings and errors). By default
 * each line is a JSON object, {"time","level","msg",...fields}, for a log collector; with
 * KRING_LOG_FORMAT=text, a plain line for a person at a terminal. What is logged is chosen where it
 * is logged: never a password, a token, a session id, a cookie, a form body or a message's text
 * (decision 026); `requestPath` takes the secret out of the public links' paths.
 */

export type LogLevel = "info" | "warn" | "error";
export type LogFormat = "json" | "text";
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A setting that cannot work: the server stops at start with this message. */
export class LogSettingsError extends Error {}

export function logFormat(env: Partial<Record<string, string>> = process.env): LogFormat {
  const value = env.KRING_LOG_FORMAT?.trim().toLowerCase() || "json";
  if (value === "json" || value === "text") return value;
  throw new LogSettingsError(`KRING_LOG_FORMAT must be "json" or "text" (it is "${env.KRING_LOG_FORMAT}").`);
}

interface Output {
  write(line: string): unknown;
}

/** An Error as a log field: its name and message, and the stack for the operator who has to find it. */
function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function createLogger({
  format = "json",
  stdout = process.stdout,
  stderr = process.stderr,
  now = () => new Date(),
}: { format?: LogFormat; stdout?: Output; stderr?: Output; now?: () => Date } = {}): Logger & {
  setFormat(format: LogFormat): void;
} {
  let chosen = format;
  const write = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    const time = now().toISOString();
    const entries = Object.entries(fields).map(([key, value]) => [key, plain(value)] as const);
    const line =
      chosen === "json"
        ? JSON.stringify({ time, level, msg, ...Object.fromEntries(entries) })
        : [time, level.toUpperCase(), msg, ...entries.map(([key, value]) => `${key}=${textOf(value)}`)].join(" ");
    (level === "info" ? stdout : stderr).write(`${line}\n`);
  };
  return {
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
    setFormat: (format) => {
      chosen = format;
    },
  };
}

function textOf(value: unknown): string {
  if (typeof value === "string") return /\s/.test(value) ? JSON.stringify(value) : value;
  if (value && typeof value === "object" && "stack" in value && typeof value.stack === "string")
    return `\n${value.stack}`;
  return JSON.stringify(value);
}

/** The server's one logger; main.ts sets its format from KRING_LOG_FORMAT at start. */
export const logger = createLogger();

/**
 * A request's path as the log may keep it: the token of an unsubscribe link (/afmelden/<token>) or
 * a calendar feed (/agenda/<token>.ics) is the whole authorisation, so it is replaced by "…".
 * Takes the path without its query string (Express's req.path); the query is never logged.
 */
export function requestPath(path: string): string {
  return path.replace(/^\/(afmelden|agenda)\/[^/]+/, (_match, page: string) => `/${page}/…`);
}
