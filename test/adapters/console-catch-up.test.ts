import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function replay(db: string, transcript: string) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', db], {
    input: transcript,
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DB: '', DUBAN_DIRECTORY: '' },
    timeout: 60_000,
  });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}

describe('a console session on an existing database', () => {
  it('catches up the missed Monday 周通报 at its simulated start, as a restart in real time does, and only once', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'catch-up-')), 'duban.db');
    const first = replay(db, ['>> 2026-12-07 08:50', '孙丽: 交办 发改委 编制年度工作要点 12月31日', '>> 2026-12-11 17:00', ''].join('\n'));
    expect(first).toContain('督办周通报（上周，11月30日—12月6日）');
    expect(first).not.toContain('12月7日—12月13日');
    // The next session starts on Tuesday: Monday 12-14's tally was never posted.
    const second = replay(db, ['>> 2026-12-15 10:00', '孙丽: 查询 D-0001', ''].join('\n'));
    expect(second).toContain('督办助手（定时 12-15 10:00）: 督办周通报（上周，12月7日—12月13日）');
    expect(second.indexOf('督办周通报')).toBeLessThan(second.indexOf('孙丽: 查询 D-0001'));
    const third = replay(db, ['>> 2026-12-16 10:00', '孙丽: 查询 D-0001', ''].join('\n'));
    expect(third).not.toContain('督办周通报');
  });
});
