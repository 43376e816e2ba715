/**
 * Structured logging to stderr, one JSON object per line:
 * `{"time":"…","level":"ERROR","msg":"command failed","platform":"lark","messageId":"om_1",…}`.
 * A child logger carries its bindings (message id, chat, command; job, period) into every
 * line, so context is bound once where it is known instead of being passed by hand.
 */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  /** A logger whose lines all carry `bindings` (and the parent's). */
  child(bindings: Record<string, unknown>): Logger;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** `json`: one object per line (for collectors); `text`: `time LEVEL message {context}` for a terminal. */
export type LogFormat = 'json' | 'text';
const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

export interface LoggerOptions {
  format?: LogFormat;
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(level: LogLevel = 'info', opts: LoggerOptions | ((line: string) => void) = {}): Logger {
  const o: LoggerOptions = typeof opts === 'function' ? { write: opts } : opts;
  const write = o.write ?? ((l: string) => process.stderr.write(`${l}\n`));
  const now = o.now ?? (() => new Date());
  const format = o.format ?? 'json';
  const make = (bindings: Record<string, unknown>): Logger => {
    const emit = (lvl: 'info' | 'warn' | 'error', msg: string, context?: Record<string, unknown>) => {
      if (ORDER[lvl] < ORDER[level]) return;
      const time = now().toISOString();
      const fields = { ...bindings, ...context };
      const LEVEL = lvl.toUpperCase();
      if (format === 'json') {
        write(JSON.stringify({ time, level: LEVEL, msg, ...fields }, errorReplacer));
      } else {
        const ctx = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields, errorReplacer)}` : '';
        write(`${time} ${LEVEL} ${msg}${ctx}`);
      }
    };
    return {
      info: (m, c) => emit('info', m, c),
      warn: (m, c) => emit('warn', m, c),
      error: (m, c) => emit('error', m, c),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return make({});
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createLogger('info', { write: (l) => lines.push(l) }) };
}
