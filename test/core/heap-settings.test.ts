import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readCoreEnv } from '../../src/config/settings.js';
import { serveNodeFlags } from '../../src/config/heap.js';

describe('the heap settings the bot starts with', () => {
  it('DUBAN_HEAP_GROWTH_PERCENT defaults to 20, 0 leaves it to V8, anything else outside 0–400 is refused in Chinese', () => {
    expect(readCoreEnv({}).DUBAN_HEAP_GROWTH_PERCENT).toBe(20);
    expect(readCoreEnv({ DUBAN_HEAP_GROWTH_PERCENT: '0' }).DUBAN_HEAP_GROWTH_PERCENT).toBe(0);
    expect(readCoreEnv({ DUBAN_HEAP_GROWTH_PERCENT: '50' }).DUBAN_HEAP_GROWTH_PERCENT).toBe(50);
    for (const bad of ['-1', '401', 'abc', '12.5']) {
      expect(() => readCoreEnv({ DUBAN_HEAP_GROWTH_PERCENT: bad }), bad).toThrow(new RegExp(`配置有误：DUBAN_HEAP_GROWTH_PERCENT="${bad.replace('.', '\\.')}" 须为`));
    }
  });

  it('npm run serve asks for a small young generation, and this Node accepts the flags and the heap growth set at run time', () => {
    const flags = serveNodeFlags();
    expect(flags).toEqual(['--max-semi-space-size=4']);
    // An unknown flag stops Node at once (on the command line) or prints "unrecognized flag"
    // (set at run time): a Node that dropped either would show it here.
    const run = spawnSync(process.execPath, [...flags, '--import', 'tsx', '-e', "const { applyHeapGrowth } = await import('./src/config/heap.ts'); applyHeapGrowth(20); process.stdout.write('ok');"], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('ok');
    expect(run.status).toBe(0);
  });
});
