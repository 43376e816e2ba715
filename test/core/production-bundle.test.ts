import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../src/bundle.js';
import { serveEntry } from '../../src/config/heap.js';

/**
 * `npm run serve` starts the production bundle (src/bundle.ts), not the modules tsx runs: the
 * bundle must answer exactly as `npm start` does. The bundle is written inside the repository
 * (dist/), where its packages resolve from node_modules as in production.
 */
describe('the production bundle (npm run build, npm run serve)', () => {
  let dir: string;
  beforeAll(async () => {
    mkdirSync('dist', { recursive: true });
    dir = mkdtempSync(join('dist', 'bundle-test-'));
    await bundle(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const replay = (args: string[], input: string) => {
    const home = mkdtempSync(join(tmpdir(), 'bundle-replay-'));
    const db = join(home, 'duban.db');
    const out = spawnSync(process.execPath, [...args, '--db', db], {
      input,
      encoding: 'utf8',
      env: { ...process.env, DUBAN_DB: '', DUBAN_DIRECTORY: '', DUBAN_EXPORT_DIR: join(home, 'exports') },
      timeout: 90_000,
    });
    // Each run's own directory (its database, its exported files) is named in its lines.
    return { status: out.status, stderr: out.stderr, stdout: out.stdout.replaceAll(home, '<dir>') };
  };

  it('replays a transcript with scheduled posts, one-to-one notices and a file exactly as npm start does', () => {
    const input = `${readFileSync('examples/07-ladder.txt', 'utf8')}\n孙丽: 导出 督办单 D-0001\n`;
    const bundled = replay([join(dir, 'main.js')], input);
    expect(bundled.status, bundled.stderr).toBe(0);
    const tsx = replay(['--import', 'tsx', 'src/main.ts'], input);
    expect(tsx.status, tsx.stderr).toBe(0);
    expect(bundled.stdout).toBe(tsx.stdout);
    // What the comparison covers: the ladder's posts, a 专报 by private message, an exported file (a lazily loaded chunk).
    expect(bundled.stdout).toContain('督办助手（定时 12-08 09:00）: 办公厅通报〔2026〕第1期');
    expect(bundled.stdout).toContain('督办助手（私信 周建国）: 督办专报');
    expect(bundled.stdout).toMatch(/督办助手: 文件 .*督办单-D-0001\.docx/);
    expect(bundled.stdout).toContain('回放结束：数据库 <dir>/duban.db 现有督办事项');
  }, 120_000);

  it('carries the files its modules read beside themselves: both backends’ migrations and the demo directory', () => {
    expect(readdirSync(join(dir, 'sqlite', 'migrations')).sort()).toEqual(readdirSync('storage/sqlite/migrations').sort());
    expect(readdirSync(join(dir, 'migrations')).sort()).toEqual(readdirSync('storage/postgres/migrations').sort());
    expect(existsSync(join(dir, 'demo-directory.yaml'))).toBe(true);
  });

  it('is what npm run serve starts and npm run build writes', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(serveEntry()).toBe('dist/bundle/main.js');
    expect(scripts.build).toMatch(/tsx src\/bundle\.ts$/);
  });
});
