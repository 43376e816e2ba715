import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lines of each transcript that must appear in its replay: the flow it demonstrates happened. */
const EXPECTED: Record<string, string[]> = {
  '01-core-loop.txt': ['D-0001 已办结（按期）', 'D-0002 已办结（逾期 2 天）'],
  '02-coordination.txt': ['由黄志远递补（缺位递补）', '（待主要负责人确认）', 'C-0001 提请分管领导协调', '不是明确表态', 'C-0001 各方均已表态同意，协调完成', 'C-0002 提请分管领导协调'],
  '03-infeasible-extension.txt': ['D-0001 答复：暂缓执行', '（第 2 次延期，已标注）', 'D-0001 恢复执行', '延期须在到期前申请'],
  '04-handover-acting.txt': ['由 钱敏 代行主要负责人职责', 'D-0003 已签收（省财政厅 钱敏', '已转交：钱敏 → 韦华（2 项）'],
  '05-verification-stages.txt': ['D-0001 已分解为 3 个阶段', '随之办结', 'D-0001 复核不实，退回重办', 'D-0001 复核属实，予以销号'],
  '06-two-weeks-of-chasing.txt': [
    '督办助手（定时 11-30 16:30）: 催签收',
    '第 1 次催办，予以督查室通报，记入日常考核工作台账',
    '督办助手（定时 12-07 09:00）: 督查室通报〔2026〕第2期',
    '第 2 次催办，予以办公厅通报，请单位主要负责人作出说明并提出整改落实措施',
    '请单位主要负责人向 陈立群（常务副省长） 作出说明，并提出整改落实措施',
    '督办助手（私信 陈立群）: 督办专报 · 12月8日（周二）',
    '第 3 次催办，列入拟移交名单，由督查室、秘书长研究',
    '督办助手（私信 吴德明）: 督办专报 · 12月9日（周三）',
    '督办助手（定时 12-14 09:00）: 督办周通报（上周，12月7日—12月13日）',
    '12-09 09:00 系统 列入拟移交名单（催办）',
  ],
};

describe('example transcripts', () => {
  const files = readdirSync('examples').filter((f) => f.endsWith('.txt')).sort();

  it('has an expectation for every example', () => {
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
  });

  for (const file of files) {
    it(`${file} replays with npm start < ${file} without an internal error`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'example-'));
      const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', join(dir, 'x.db')], {
        input: readFileSync(join('examples', file)),
        encoding: 'utf8',
        env: { ...process.env, DUBAN_DB: '', DUBAN_DIRECTORY: '' },
        timeout: 60_000,
      });
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout).not.toContain('处理出错');
      expect(out.stdout).not.toContain('时间只能向后调整');
      expect(out.stdout).toContain('回放结束');
      for (const line of EXPECTED[file] ?? []) expect(out.stdout, `${file}: ${line}`).toContain(line);
    });
  }
});
