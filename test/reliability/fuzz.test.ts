import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { parseDeadline } from '../../src/time/parse-deadline.js';
import { loadCalendar } from '../../src/calendar/load-calendar.js';
import { parseQuery } from '../../src/query/query-spec.js';
import { loadDirectory } from '../../src/directory/load-directory.js';
import { COMMANDS } from '../../commands/index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesHolding, tablesHolding } from '../support/stored-anywhere.js';
import { sqliteOf } from '../support/raw-sql.js';

const calendar = loadCalendar();
const directory = loadDirectory();
const NAMES = directory.allPeople().map((p) => p.name);
const WORDS = [
  ...COMMANDS.flatMap((c) => [c.name, ...c.aliases]),
  '发改委',
  '财政厅',
  '海州市',
  '重点',
  '来源:人大建议',
  '牵头:',
  '配合:',
  '截止:',
  'D-0001',
  'D-1',
  'C-0001',
  'D-0001-1',
  '12月15日',
  '2月30日',
  '13月1日',
  '2026-02-30',
  '0个工作日',
  '999999个工作日',
  '本周五',
  '月底',
  '50%',
  '150%',
  '-3%',
  '同意',
  '不同意',
  '属实',
  '不实',
  '暂缓执行',
  '至',
  '@',
  '@@',
  '@王',
  '@王芳',
  '@督办助手',
  '/',
  '／',
  "'; DROP TABLE tasks; --",
  '" OR 1=1 --',
  '\u0000',
  '\u0007',
  '\u200b',
  '\u202e',
  '👍',
  '🇨🇳',
  '𠀀',
  'ｄ－０００１',
  '\n',
  '\t',
  '　',
];

const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...NAMES).map((n) => `@${n}`),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const noise = fc.array(word, { maxLength: 14 }).map((ws) => ws.join(' '));
/** A real command's example with words dropped, replaced or inserted: malformed commands that look right. */
const mutated = fc.tuple(fc.constantFrom(...COMMANDS.flatMap((c) => c.examples)), fc.array(fc.tuple(fc.nat(), word, fc.boolean()), { maxLength: 3 })).map(([example, edits]) => {
  const parts = example.split(/\s+/);
  for (const [at, w, replace] of edits) parts.splice(at % (parts.length + 1), replace ? 1 : 0, w);
  return parts.join(' ');
});
const message = fc.oneof(noise, mutated, fc.constantFrom(...COMMANDS.flatMap((c) => c.examples)));
const speaker = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.constantFrom('陌生人', '', ' ', '@') });

describe('bad input never crashes the parsers', () => {
  it('parseDeadline and parseQuery accept anything', () => {
    fc.assert(
      fc.property(fc.oneof(message, fc.string({ unit: 'binary' })), (text) => {
        const d = parseDeadline(text, '2026-12-07', calendar);
        expect(['none', 'ok', 'invalid']).toContain(d.kind);
        if (d.kind === 'ok') expect(d.deadline.date >= '2026-12-07').toBe(true);
        parseQuery(text, directory, '2026-12-07');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bad input never crashes the bot or corrupts the ledger', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness();
    // Some state to act on.
    await h.say('陈立群', '交办 发改委 财政厅 编制清单 12月18日');
    await h.say('王芳', '协调 D-0001 与省财政厅口径不一致');
  });
  afterAll(() => h.close());

  it('answers every message with a handled result or a short refusal, never an internal error', async () => {
    let n = 0;
    const stats: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(speaker, message, async (who, text) => {
        n += 1;
        const r = await h.say(who, text, { messageId: `fuzz-${n}` });
        expect(['handled', 'refused', 'ignored']).toContain(r.result.outcome);
        stats[r.result.outcome] = (stats[r.result.outcome] ?? 0) + 1;
        if (r.result.outcome === 'refused') {
          expect(r.messages).toHaveLength(1);
          expect(r.messages[0]?.reply.tone).toBe('error');
          expect(r.messages[0]?.reply.title.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
    expect(h.logs.filter((l) => l.includes('ERROR'))).toEqual([]);
    // The generator reaches real commands, not only refusals.
    expect(stats.handled ?? 0).toBeGreaterThan(300);
    expect(await h.app.storage.transaction((r) => r.tasks.count({}))).toBeGreaterThan(5);
    // 3000 messages through the real front door: allowed more than the default 30 s on a busy machine.
  }, 120_000);

  it('answers a 1 MB message and pathological text without trouble', async () => {
    const big = await h.say('孙丽', `交办 发改委 ${'很'.repeat(1_000_000)}`);
    expect(big.result.outcome).toBe('refused');
    expect(big.text).toContain('消息过长');
    for (const [i, text] of ['交办 发改委 研究 2月30日', '进展 D-0001 1e309%', '签收 D-99999999999', '办结 D-0001-999 好的好的好的', '@@@@', '\u0000\u0000', '/ / /', '查询 D-0'].entries()) {
      const r = await h.say('王芳', text, { messageId: `edge-${i}` });
      expect(['handled', 'refused']).toContain(r.result.outcome);
    }
  });

  it('leaves a sound database that holds nothing it should not', () => {
    const db = sqliteOf(h.app);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Every task has exactly one lead unit and a responsible person on every unit.
    expect(db.prepare("SELECT t.code FROM tasks t WHERE (SELECT count(*) FROM task_units u WHERE u.task_id = t.id AND u.role = 'lead') <> 1").all()).toEqual([]);
    expect(db.prepare("SELECT task_id FROM task_units WHERE responsible_id = '' OR responsible_id IS NULL").all()).toEqual([]);
    // Nothing of a classified message is kept, and every audit record names who and where.
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE details LIKE '%机密%' OR details LIKE '%绝密%' OR details LIKE '%秘密%'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE actor_id = '' OR (message_id IS NULL AND job IS NULL)").get()).toEqual({ n: 0 });
    // Only directory people act; nobody unknown ever became an assigner or actor.
    const people = new Set(directory.allPeople().map((p) => p.id));
    for (const r of db.prepare('SELECT DISTINCT actor_id AS id FROM audit_log').all() as Array<{ id: string }>) expect(people.has(r.id) || r.id === 'system').toBe(true);
    for (const r of db.prepare('SELECT DISTINCT assigner_id AS id FROM tasks').all() as Array<{ id: string }>) expect(people.has(r.id)).toBe(true);
  });
});

/** The marks in every form the guard folds: variants, and anything invisible or punctuation between. */
const FIRST: Record<string, string[]> = { 机: ['机', '機'], 绝: ['绝', '絕', '絶'], 秘: ['秘', '祕', '袐', '㊙'] };
const BETWEEN = [
  '',
  ' ',
  '　',
  '\u2060',
  '\u00ad',
  '\u180e',
  '\u034f',
  '\ufe0f',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2069',
  '\u200b',
  '\u200d',
  '\u3164',
  '\u2800',
  '\ufeff',
  '\u0301',
  '-',
  '/',
  '.',
  '、',
  '_',
  '・',
  '·',
  '*',
  '【】',
  '（）',
  '()',
  '「」',
  '~',
  '|',
  '\n',
  '\t',
  '－',
  '／',
];
const foldedMark = fc
  .tuple(fc.constantFrom('机', '绝', '秘'), fc.nat(), fc.array(fc.constantFrom(...BETWEEN), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([first, pick, between, traditional]) => {
    const forms = FIRST[first] ?? [first];
    return `${forms[pick % forms.length] ?? first}${between.join('')}${traditional && first === '秘' ? '宻' : '密'}`;
  });

describe('涉密 in every folded form: refused, and no trace of it anywhere', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-classified-'));
  const dbFile = join(dir, 'duban.db');
  beforeAll(async () => {
    h = await makeHarness({ dbFile });
  });
  afterAll(() => h.close());

  it('refuses a real command carrying a folded mark, wherever it sits, and keeps nothing of it', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS.flatMap((c) => c.examples)), foldedMark, fc.nat(), async (example, mark, at) => {
        n += 1;
        const words = example.split(/\s+/);
        words.splice(at % (words.length + 1), 0, `TRACEQ${n}X${mark}`);
        const r = await h.say(NAMES[n % NAMES.length] ?? '孙丽', words.join(' '), { messageId: `classified-${n}` });
        expect(r.result.outcome).toBe('refused');
        expect(r.text).toContain('消息含密级标识');
      }),
      { numRuns: 400 },
    );
    sqliteOf(h.app).pragma('wal_checkpoint(PASSIVE)');
    expect(tablesHolding(sqliteOf(h.app), 'TRACEQ')).toEqual([]);
    expect(filesHolding(dbFile, 'TRACEQ')).toEqual([]);
    expect(h.logs.join('\n')).not.toContain('TRACEQ');
    expect(await h.app.storage.transaction((r) => r.tasks.count({}))).toBe(0);
  });
});
