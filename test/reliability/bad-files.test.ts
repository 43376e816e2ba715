import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from '../../storage/sqlite/driver.js';
import { describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY_PATH } from '../../src/directory/load-directory.js';

const dir = () => mkdtempSync(join(tmpdir(), 'badfiles-'));

/** Starts the bot (console replay of an empty transcript) with the given settings. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    input: '',
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DIRECTORY: '', DUBAN_CALENDAR: '', ...env },
    timeout: 60_000,
  });
}

describe('bad files are refused at start-up with a message that says what to do', () => {
  it('a corrupt directory file (broken YAML, and a bad entry)', () => {
    const d = dir();
    writeFileSync(join(d, 'broken.yaml'), 'units: [\n  - { id: fgw, name: 省发改委\npeople: ]]]');
    const broken = start({ DUBAN_DB: join(d, 'a.db'), DUBAN_DIRECTORY: join(d, 'broken.yaml') });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/督办助手无法启动：通讯录文件 .*broken\.yaml 不是有效的 YAML\/JSON/);

    writeFileSync(join(d, 'bad.yaml'), readFileSync(DEMO_DIRECTORY_PATH, 'utf8').replace('unit: fgw, roles: [经办人]', 'unit: fgx, roles: [经办人]'));
    const bad = start({ DUBAN_DB: join(d, 'b.db'), DUBAN_DIRECTORY: join(d, 'bad.yaml') });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('people[9]（王芳）.unit：未知单位「fgx」');
  });

  it('a database from a newer version of the bot', () => {
    const d = dir();
    const file = join(d, 'newer.db');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const r = start({ DUBAN_DB: file });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('数据库结构版本为 999');
    expect(r.stderr).toContain('请升级督办助手，或改用对应的数据库文件（DUBAN_DB）');
  });

  it('a database file that is not a database', () => {
    const d = dir();
    writeFileSync(join(d, 'junk.db'), 'x'.repeat(4096));
    const r = start({ DUBAN_DB: join(d, 'junk.db') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法打开');
    expect(r.stderr).toContain('请从备份恢复或改用新的 DUBAN_DB 路径');
  });

  it('an unwritable data folder', () => {
    const d = dir();
    writeFileSync(join(d, 'not-a-folder'), '');
    const r = start({ DUBAN_DB: join(d, 'not-a-folder', 'duban.db') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法写入');
    expect(r.stderr).toContain('请检查权限，或用 DUBAN_DB 指向可写的位置');
    if (process.getuid?.() !== 0) {
      const ro = join(d, 'readonly');
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      const r2 = start({ DUBAN_DB: join(ro, 'duban.db') });
      expect(r2.status).toBe(2);
      chmodSync(ro, 0o700);
    }
  });

  it('a bad holiday file and a bad setting', () => {
    const d = dir();
    writeFileSync(join(d, 'h.yaml'), '2027:\n  holidays:\n    2027-02-30: 春节\n');
    const cal = start({ DUBAN_DB: join(d, 'c.db'), DUBAN_CALENDAR: join(d, 'h.yaml') });
    expect(cal.status).toBe(2);
    expect(cal.stderr).toContain('节假日文件');
    expect(cal.stderr).toContain('2027.holidays.2027-02-30：日期须写成 YYYY-MM-DD 且为真实日期');
    const setting = start({ DUBAN_DB: join(d, 'd.db'), DUBAN_CHASE_TIME: '20:00' });
    expect(setting.status).toBe(2);
    expect(setting.stderr).toContain('DUBAN_CHASE_TIME=20:00 不在工作时间 08:30-18:00 内');
    const share = start({ DUBAN_DB: join(d, 'e.db'), DUBAN_VERIFY_SHARE: '0.1' });
    expect(share.stderr).toContain('DUBAN_VERIFY_SHARE="0.1" 复核比例不得低于 0.3');
  });
});
