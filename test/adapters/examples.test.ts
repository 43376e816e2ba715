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
    '办结情况将在督办专报中报交办人 陈立群（常务副省长） 阅知。',
    '督办助手（私信 陈立群）: 督办专报 · 12月14日（周一）\n  【办结待阅】',
  ],
  '07-ladder.txt': [
    // 复核不实 is a first step: 督查室通报 and the 台账.
    '督办助手: 督查室通报〔2026〕第1期\n  江城市政府：\n  下列事项办理质量不高，经复核不实已退回重办，予以通报，并记入日常考核工作台账：',
    '12月3日 D-0004｜江城市｜第 1 步：督查室通报，记入日常考核工作台账｜复核不实、退回重办｜督查室通报〔2026〕第1期',
    // 1st chase: 督查室通报 to the unit, and the 台账 entry.
    'D-0001 编制明年专项债项目清单｜12月4日到期，逾期 3 天｜第 1 次催办，予以督查室通报，记入日常考核工作台账',
    '督办助手（定时 12-07 09:00）: 督查室通报〔2026〕第2期\n  省发展改革委：',
    '12月7日 D-0001｜发改委｜第 1 步：督查室通报，记入日常考核工作台账｜催办｜督查室通报〔2026〕第2期',
    // 2nd chase: 办公厅通报; the unit head explains to the assigning leader, who hears it by 专报.
    '督办助手（定时 12-08 09:00）: 办公厅通报〔2026〕第1期',
    '请单位主要负责人向 陈立群（常务副省长） 作出说明，并提出整改落实措施：回复「说明 D-0001 原因；整改措施：…」。',
    '督办助手（私信 陈立群）: 督办专报 · 12月8日（周二）\n  【须向您作出说明】',
    'D-0001 整改要求已记录',
    'D-0003 说明已记录（省生态环境厅 秦峰 12-08 10:00）',
    'D-0003 单位说明经认定属实，不再逐级上报',
    '督办助手（私信 刘海燕）: 督办专报 · 12月9日（周三）\n  【单位说明】',
    // 3rd chase: the 拟移交 list to the 督查室 and 秘书长; the explained item does not climb.
    'D-0001 编制明年专项债项目清单｜12月4日到期，逾期 5 天｜第 3 次催办，列入拟移交名单，由督查室、秘书长研究',
    'D-0003 报送重点河湖水质监测报告｜12月4日到期，逾期 5 天｜第 3 次催办\n',
    '督办助手（私信 吴德明）: 督办专报 · 12月9日（周三）\n  【拟移交名单】',
    // 拟移交 by the 督查室; the 省长 decides both ways.
    'D-0001 已提请 周建国（省长） 决定是否移交纪检监察机关',
    '督办助手（私信 周建国）: 督办专报 · 12月10日（周四）\n  【待您决定】',
    '是否移交纪检监察机关，由 周建国（省长） 决定。',
    'D-0001 经 周建国（省长） 同意移交纪检监察机关\n  事项：编制明年专项债项目清单\n  主办单位：省发展改革委\n  主办单位负责人：李明（省发展改革委主任）\n  直接责任人：王芳（省发展改革委综合处处长）',
    'D-0002 经 周建国（省长） 决定，不予移交',
    '第 5 次催办（经省政府同意移交纪检监察机关）',
    'D-0002 报送国省道改造工程进度｜12月4日到期，逾期 7 天｜第 5 次催办\n',
    '通报：办公厅通报；单位说明经认定属实，不再逐级上报',
  ],
  '08-warnings.txt': [
    '效能告诫 G-0001 已记入告诫台账',
    '2026年：第 1 次：当年考核不得评为称职以上',
    '限期整改：已交办 D-0002（@李明，2027年1月5日（周二）前），督查室跟踪落实。',
    '2026年：第 2 次：当年考核定为不称职',
    '2026年：第 1 次：通报批评，取消领导班子当年评优评先资格',
    '效能告诫 G-0002 已撤销',
    '｜已撤销（12月21日，经核实延误系财政厅额度下达推迟所致）',
    '效能告诫：王芳（省发展改革委）1 次（G-0001），当年考核不得评为称职以上',
    '督办助手（定时 01-04 09:00）: 年终考核（2026年，1月1日—12月31日）',
    '效能告诫：王芳（省发展改革委）1 次（G-0004），当年考核不得评为称职以上',
    '王芳（发改委）｜承办 1｜按期 0｜逾期 1｜效能告诫 1：当年考核不得评为称职以上',
  ],
  '09-rectification-list.txt': [
    '已开具整改清单 D-0001（海州市政府，3 项）',
    '已签收 4 项',
    'D-0001-1 已办结（按期）',
    'D-0001 尚有 2 个阶段未办结（D-0001-2、D-0001-3）',
    '各阶段均已办结，D-0001 整改清单：专项督查发现的问题 随之办结，已列入复核（重点事项全部复核）',
    'D-0001 复核属实，予以销号',
    '整改落实措施已列入整改清单 D-0003（D-0003-1、D-0003-2，2027年1月5日（周二）前）',
    '至少列出一项问题，问题之间用「；」分隔',
  ],
};

describe('example transcripts', () => {
  const files = readdirSync('examples')
    .filter((f) => f.endsWith('.txt'))
    .sort();

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
      // Leaders are never @-mentioned in the group (B三(三), B四(六)); the bot never claims an unapproved 移交.
      expect(out.stdout).not.toMatch(/@(周建国|陈立群|刘海燕|吴德明)/);
      expect(out.stdout).not.toMatch(/已移交问责|监察部门|已协调一致/);
    });
  }
});
