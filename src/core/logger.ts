/** Structured logging to stderr; the context names the event, command or job involved. */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

export function createLogger(level: Level = 'info', write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const emit = (lvl: Exclude<Level, 'silent' | 'debug'>, message: string, context?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const ctx = context ? ` ${JSON.stringify(context, errorReplacer)}` : '';
    write(`${new Date().toISOString()} ${lvl.toUpperCase()} ${message}${ctx}`);
  };
  return {
    info: (m, c) => emit('info', m, c),
    warn: (m, c) => emit('warn', m, c),
    error: (m, c) => emit('error', m, c),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createLogger('info', (l) => lines.push(l)) };
}
