import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import Database from '../../storage/sqlite/driver.js';
import { describe, expect, it } from 'vitest';
import { parseConsoleLine, splitGluedMentions } from '../../src/adapters/console/console-session.js';
import { instantAt } from '../../src/time/shanghai.js';

describe('console transcript lines', () => {
  it('reads speakers, clock moves and comments', () => {
    expect(parseConsoleLine('王芳: 签收 D-0001')).toEqual({ kind: 'message', speaker: '王芳', text: '签收 D-0001' });
    expect(parseConsoleLine('王芳：签收 D-0001')).toEqual({ kind: 'message', speaker: '王芳', text: '签收 D-0001' });
    expect(parseConsoleLine('>> 2026-12-08 09:00')).toEqual({ kind: 'clock', at: instantAt('2026-12-08', '09:00'), text: '2026-12-08 09:00' });
    expect(parseConsoleLine('>> 2026-12-08')).toMatchObject({ kind: 'clock', text: '2026-12-08 09:00' });
    expect(parseConsoleLine('>> tomorrow')).toEqual({ kind: 'bad-clock', text: '>> tomorrow' });
    expect(parseConsoleLine('# 注释')).toEqual({ kind: 'blank' });
    // A keyed field is not a speaker.
    expect(parseConsoleLine('交办 研究 牵头:发改委')).toEqual({ kind: 'message', text: '交办 研究 牵头:发改委' });
  });

  it('separates an @name glued to the following text', () => {
    expect(splitGluedMentions('交办 @何静梳理清单', ['何静', '王芳'])).toBe('交办 @何静 梳理清单');
  });
});

describe('npm start < transcript', () => {
  it('replays the core-loop example and leaves every task with its full history in the database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const db = join(dir, 'duban.db');
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', db], {
      input: readFileSync('examples/01-core-loop.txt'),
      encoding: 'utf8',
      env: { ...process.env, DUBAN_DB: '', DUBAN_DIRECTORY: '' },
      timeout: 60_000,
    });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('督办助手: 已交办 D-0001【重点】');
    expect(out.stdout).toContain('D-0002 已办结（逾期 2 天）');
    expect(out.stdout).toContain('省自然资源厅逾期事项：1 件');
    expect(out.stdout).toContain(`回放结束：数据库 ${db} 现有督办事项 3 件`);
    const sqlite = new Database(db, { readonly: true });
    const tasks = sqlite.prepare('SELECT code, status FROM tasks ORDER BY id').all();
    expect(tasks).toEqual([
      { code: 'D-0001', status: 'completed' },
      { code: 'D-0002', status: 'completed' },
      { code: 'D-0003', status: 'completed' },
    ]);
    const history = sqlite.prepare('SELECT action, actor_id, message_id IS NOT NULL AS has_msg FROM audit_log WHERE task_id = 1 ORDER BY id').all();
    expect(history).toEqual([
      { action: 'assign', actor_id: 'chen-liqun', has_msg: 1 },
      { action: 'acknowledge', actor_id: 'wang-fang', has_msg: 1 },
      { action: 'acknowledge', actor_id: 'qian-min', has_msg: 1 },
      { action: 'progress', actor_id: 'wang-fang', has_msg: 1 },
      { action: 'progress', actor_id: 'qian-min', has_msg: 1 },
      { action: 'complete', actor_id: 'wang-fang', has_msg: 1 },
      { action: 'verify_draw', actor_id: 'wang-fang', has_msg: 1 }, // 重点 items are always drawn for 复核
    ]);
    sqlite.close();
  });

  it('replays a transcript to the same output every time: in simulated time the 复核 draw is seeded', () => {
    const runs = [1, 2, 3].map((k) => {
      const db = join(mkdtempSync(join(tmpdir(), 'replay-')), 'duban.db');
      const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', db], {
        input: readFileSync('examples/01-core-loop.txt'),
        encoding: 'utf8',
        env: { ...process.env, DUBAN_DB: '', DUBAN_DIRECTORY: '' },
        timeout: 60_000,
      });
      expect(out.status, `run ${k}: ${out.stderr}`).toBe(0);
      return out.stdout.replace(db, '<db>');
    });
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
    // What the seed draws: the 重点 item always, of the other two D-0003 and not D-0002.
    expect(runs[0]).toContain('本件已列入复核（重点事项全部复核），请督查室 @孙丽 核实。');
    expect(runs[0]).toContain('回复「复核 D-0003 属实」');
    expect(runs[0]).not.toContain('回复「复核 D-0002 属实」');
  });

  it('fails at start-up with a clear message for a broken directory file', () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', ':memory:'], {
      input: '',
      encoding: 'utf8',
      env: { ...process.env, DUBAN_DIRECTORY: '/nonexistent/people.yaml' },
      timeout: 60_000,
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('督办助手无法启动：通讯录文件 /nonexistent/people.yaml 无法读取');
  });
});
