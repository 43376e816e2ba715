import { Statements } from '../storage/sqlite/statements.js';

/**
 * Times every SQLite statement the bot runs from now on, by the first `keyLength` characters of
 * its SQL (development benches only: it replaces `Statements.prototype.get`). `report` prints the
 * `top` costliest since the last report and starts again.
 */
export function timeStatements(keyLength: number): { report(top: number, indent?: string): void } {
  const times = new Map<string, [number, number]>();
  const get = Statements.prototype.get;
  Statements.prototype.get = function (this: Statements, sql: string) {
    const s = get.call(this, sql);
    const key = sql.replace(/\s+/g, ' ').slice(0, keyLength);
    const timed = <F extends (...a: never[]) => unknown>(f: F): F =>
      ((...a: Parameters<F>) => {
        const t = performance.now();
        try {
          return f.apply(s, a);
        } finally {
          const e = times.get(key) ?? [0, 0];
          e[0] += performance.now() - t;
          e[1] += 1;
          times.set(key, e);
        }
      }) as F;
    return Object.assign(Object.create(s), { run: timed(s.run), get: timed(s.get), all: timed(s.all) });
  } as typeof get;
  return {
    report(top, indent = '') {
      for (const [k, [ms, n]] of [...times].sort((a, b) => b[1][0] - a[1][0]).slice(0, top)) process.stdout.write(`${indent}${Math.round(ms)} ms\t${n}\t${k}\n`);
      times.clear();
    },
  };
}
