import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { KNOWN_CYCLES, KNOWN_UPWARD_IMPORTS, layerOf, rankOf } from './layers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['src', 'commands', 'storage'];

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...listSources(rel));
    else if (rel.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** Relative imports of a file, resolved to repository paths (`.js` specifiers map to `.ts`). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts'));
}

function buildGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const dir of SOURCE_DIRS) for (const f of listSources(dir)) graph.set(f, importsOf(f));
  return graph;
}

/** Strongly connected components with more than one file (Tarjan), each sorted. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('import boundaries', () => {
  const graph = buildGraph();

  it('every source file belongs to a layer', () => {
    const unplaced = [...graph.keys()].filter((f) => layerOf(f) === undefined);
    expect(unplaced).toEqual([]);
  });

  it('no file imports a higher layer (except the listed debts, which must not grow)', () => {
    const upward: string[] = [];
    for (const [from, tos] of graph) {
      const a = rankOf(from) ?? 0;
      for (const to of tos) {
        const b = rankOf(to);
        if (b !== undefined && b > a) upward.push(`${from} -> ${to}`);
      }
    }
    const fresh = upward.filter((u) => !KNOWN_UPWARD_IMPORTS.includes(u));
    const paid = KNOWN_UPWARD_IMPORTS.filter((u) => !upward.includes(u));
    expect(fresh, 'new upward imports: move the code down or invert the dependency (docs/ARCHITECTURE.md)').toEqual([]);
    expect(paid, 'these listed debts are gone: delete them from test/architecture/layers.ts').toEqual([]);
  });

  it('has no import cycle (except the listed debts)', () => {
    const found = cycles(graph).map((c) => c.join(' | '));
    const fresh = found.filter((c) => !KNOWN_CYCLES.includes(c));
    const paid = KNOWN_CYCLES.filter((c) => !found.includes(c));
    expect(fresh).toEqual([]);
    expect(paid).toEqual([]);
  });

  it('adapters reach the core only through its narrow port (never storage, the bot, the inbox or the outbox dispatcher)', () => {
    const forbidden = ['storage/', 'src/core/bot.ts', 'src/core/inbox.ts', 'src/core/identity.ts', 'src/outbox/dispatcher.ts', 'src/jobs/', 'src/app.ts'];
    const reached: string[] = [];
    for (const [from, tos] of graph) {
      if (!from.startsWith('src/adapters/')) continue;
      for (const to of tos) if (forbidden.some((f) => to.startsWith(f))) reached.push(`${from} -> ${to}`);
    }
    expect(reached, 'adapters get a CorePort (src/core/ports.ts); add what they need there').toEqual([]);
  });

  it('detects an upward import and a cycle in a made-up graph', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
      ['c.ts', []],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts']]);
    expect(rankOf('src/core/bot.ts')).toBeLessThan(rankOf('src/adapters/lark/lark-adapter.ts')!);
    expect(rankOf('src/core/reply.ts')).toBeLessThan(rankOf('src/core/bot.ts')!);
  });
});

describe('file size', () => {
  it('keeps every source, test and bench file at 300 lines or fewer (split by responsibility)', () => {
    const over = ['src', 'commands', 'storage', 'test', 'bench']
      .flatMap((dir) => listSources(dir))
      .map((f) => ({ f, lines: readFileSync(join(ROOT, f), 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 300)
      .map((x) => `${x.f} (${x.lines})`);
    expect(over, 'split these files (docs/ARCHITECTURE.md)').toEqual([]);
  });
});
