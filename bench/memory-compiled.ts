import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { serveNodeFlags } from '../src/config/heap.js';

/** What bench/memory.ts prints. */
export interface MemoryFigures {
  bareMb: number;
  loadedMb: number;
  openedMb: number;
  afterQueriesMb: number;
  afterChaseMb: number;
  maxMb: number;
}

/**
 * bench/memory.ts on the compiled bot (after `npm run build`): the file is transpiled to
 * dist/bench/memory.js, beside dist/src/, and run by `node` alone, so that neither tsx nor
 * TypeScript is in the process it measures, with the Node flags of `npm run serve`. `morning` is the date chased.
 */
export function memoryCompiled(dbFile: string, yamlFile: string, morning = '2026-12-10'): MemoryFigures {
  ensureBuilt();
  const js = ts.transpileModule(readFileSync('bench/memory.ts', 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  mkdirSync('dist/bench', { recursive: true });
  writeFileSync('dist/bench/memory.js', js);
  const run = spawnSync(process.execPath, [...serveNodeFlags(), 'dist/bench/memory.js', dbFile, yamlFile, morning], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`compiled memory run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as MemoryFigures;
}

let built = false;

/** `npm run build` once per bench process, so that the figures are of the code being benched. */
export function ensureBuilt(): void {
  if (built) return;
  const r = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed: ${r.stderr || r.stdout}`);
  built = true;
}

if (process.argv[1]?.endsWith('memory-compiled.ts')) {
  const [db = 'data/bench/quick.db', yaml = 'data/bench/quick-directory.yaml', morning] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(memoryCompiled(db, yaml, morning))}\n`);
}
