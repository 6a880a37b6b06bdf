/**
 * How the long-running servers (publisher, static server, static front, preview) write their log:
 * plain lines for people (the default), or with LOG_FORMAT=json one JSON object per line for a
 * log collector: `{"time","level","service","msg"}`. One format for all, so one parser reads
 * every service.
 */

/** How bad a log line is. */
export type LogLevel = 'info' | 'warn' | 'error';

/** LOG_FORMAT: `text` (plain lines, the default) or `json`. */
export type LogFormat = 'text' | 'json';

/** A service's log. */
export interface Logger {
  info: (msg: string) => void;
  warn: (msg: string) => void;
  error: (msg: string) => void;
  /** One line at any level (for code that passes the level along). */
  line: (msg: string, level?: LogLevel) => void;
}

/**
 * LOG_FORMAT from the environment. Anything but `text` or `json` is a configuration error, said
 * at start: a log collector that waits for JSON must not get plain lines by a typo.
 */
export function logFormat(env: NodeJS.ProcessEnv): LogFormat {
  const value = env.LOG_FORMAT?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new Error(`LOG_FORMAT must be "text" or "json"; got "${env.LOG_FORMAT}".`);
}

/** One log line (without its newline) in the format. */
export function formatLogLine(
  format: LogFormat,
  entry: { service: string; level: LogLevel; msg: string; time?: Date },
): string {
  if (format === 'text') return entry.msg;
  // JSON.stringify escapes newlines: an error's stack stays one line.
  return JSON.stringify({
    time: (entry.time ?? new Date()).toISOString(),
    level: entry.level,
    service: entry.service,
    msg: entry.msg,
  });
}

/** Where lines go: info to stdout, warnings and errors to stderr (as console.log and .error). */
export interface LogSink {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleSink: LogSink = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** A service's logger in the format (see logFormat). */
export function createLogger(
  service: string,
  format: LogFormat,
  sink: LogSink = consoleSink,
): Logger {
  const line = (msg: string, level: LogLevel = 'info') => {
    const text = formatLogLine(format, { service, level, msg });
    if (level === 'info') sink.out(text);
    else sink.err(text);
  };
  return {
    info: (msg) => line(msg, 'info'),
    warn: (msg) => line(msg, 'warn'),
    error: (msg) => line(msg, 'error'),
    line,
  };
}

/**
 * The logger of a command-line service, from LOG_FORMAT; stops the process with a clear message
 * when LOG_FORMAT is wrong (before anything else is logged, so in plain text).
 */
export function serviceLogger(service: string, env: NodeJS.ProcessEnv = process.env): Logger {
  try {
    return createLogger(service, logFormat(env));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
