import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { DEMO_DIRECTORY_PATH, parseDirectory } from '../../src/directory/load-directory.js';
import { COMMANDS } from '../../commands/index.js';
import { ROLES, type Role } from '../../src/domain/roles.js';

/**
 * Every role against every command, from one table. `y`: the role may run the command (any
 * further refusal comes from the task itself: who is responsible, the state it is in);
 * `n`: refused for the role, with the roles that may.
 */
const TABLE: Record<string, Record<Role, 'y' | 'n'>> = {
  //              主要领导  分管领导  秘书长  副秘书长  督查室  单位主要负责人  经办人  管理员
  交办: row('y', 'y', 'y', 'y', 'y', 'n', 'n', 'n'),
  签收: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  进展: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  部署: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  办结: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  协调: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  协调意见: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  表态: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  确认表态: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  升级: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  难以执行: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  答复: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  撤销交办: row('y', 'y', 'y', 'y', 'y', 'n', 'n', 'n'),
  恢复: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  延期: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  批准延期: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  驳回延期: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  分解: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  复核: row('n', 'n', 'n', 'n', 'y', 'n', 'n', 'n'),
  回头看: row('n', 'n', 'n', 'n', 'y', 'n', 'n', 'n'),
  整改要求: row('y', 'y', 'y', 'n', 'y', 'n', 'n', 'n'),
  说明: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  说明属实: row('n', 'n', 'n', 'n', 'y', 'n', 'n', 'n'),
  拟移交: row('n', 'n', 'y', 'n', 'y', 'n', 'n', 'n'),
  同意移交: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  不予移交: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  完成配合: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  考核台账: row('y', 'y', 'y', 'n', 'y', 'n', 'n', 'y'),
  // 考核与台账 (#17): L五(三) 效能告诫 by the office, 秘书长 and 主要领导; 免责 proposed by the office, confirmed by the 秘书长.
  效能告诫: row('y', 'n', 'y', 'n', 'y', 'n', 'n', 'n'),
  撤销告诫: row('y', 'n', 'y', 'n', 'y', 'n', 'n', 'n'),
  告诫台账: row('y', 'y', 'y', 'n', 'y', 'n', 'n', 'y'),
  免责: row('n', 'n', 'n', 'n', 'y', 'n', 'n', 'n'),
  确认免责: row('n', 'n', 'y', 'n', 'n', 'n', 'n', 'n'),
  不予免责: row('n', 'n', 'y', 'n', 'n', 'n', 'n', 'n'),
  整改: row('y', 'y', 'y', 'y', 'y', 'n', 'n', 'n'),
  书面说明: row('n', 'n', 'n', 'n', 'y', 'y', 'n', 'n'),
  年终考核: row('y', 'y', 'y', 'y', 'y', 'y', 'n', 'y'),
  回头看清单: row('y', 'y', 'y', 'n', 'y', 'n', 'n', 'n'),
  再督查: row('y', 'y', 'y', 'n', 'y', 'n', 'n', 'n'),
  转交: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  请假: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  销假: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  代行: row('n', 'n', 'n', 'n', 'y', 'y', 'n', 'y'),
  查询: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  周报: row('y', 'y', 'y', 'y', 'y', 'y', 'n', 'y'),
  统计: row('y', 'y', 'y', 'y', 'y', 'y', 'n', 'y'),
  导出: row('y', 'y', 'y', 'y', 'y', 'y', 'n', 'y'),
  帮助: row('y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'),
  绑定: row('n', 'n', 'n', 'n', 'n', 'n', 'n', 'y'),
  解绑: row('n', 'n', 'n', 'n', 'n', 'n', 'n', 'y'),
  确认绑定: row('n', 'n', 'n', 'n', 'n', 'n', 'n', 'y'),
  停用: row('n', 'n', 'n', 'n', 'n', 'n', 'n', 'y'),
  启用: row('n', 'n', 'n', 'n', 'n', 'n', 'n', 'y'),
  本群登记为工作群: row('n', 'n', 'n', 'n', 'n', 'n', 'n', 'y'),
  注销本群: row('n', 'n', 'n', 'n', 'n', 'n', 'n', 'y'),
};

/** The 分管负责人 (last role) may do what a 经办人 may: the column repeats the 经办人's. */
function row(...cells: Array<'y' | 'n'>): Record<Role, 'y' | 'n'> {
  return Object.fromEntries(ROLES.map((r, i) => [r, cells[i] ?? cells[6] ?? 'n'])) as Record<Role, 'y' | 'n'>;
}

/** One person per role, each holding only that role. */
const PEOPLE: Record<Role, string> = {
  主要领导: '甲省长',
  分管领导: '乙副省长',
  秘书长: '丙秘书长',
  副秘书长: '丁副秘书长',
  督查室: '戊督查',
  单位主要负责人: '己主任',
  经办人: '庚处长',
  管理员: '辛管理',
  分管负责人: '壬副主任',
};

function directoryWithSingleRoles() {
  const extra = `
  - { id: r1, name: 甲省长, roles: [主要领导] }
  - { id: r2, name: 乙副省长, roles: [分管领导], covers: [fgw] }
  - { id: r3, name: 丙秘书长, unit: bgt, roles: [秘书长] }
  - { id: r4, name: 丁副秘书长, unit: bgt, roles: [副秘书长], covers: [fgw] }
  - { id: r5, name: 戊督查, unit: bgt, roles: [督查室] }
  - { id: r7, name: 庚处长, unit: fgw, roles: [经办人] }
  - { id: r8, name: 辛管理, unit: bgt, roles: [管理员] }
  - { id: r9, name: 壬副主任, unit: fgw, roles: [分管负责人] }
`;
  // 己主任 replaces 李明 as the one 单位主要负责人 of 发改委 (a unit has exactly one).
  const yaml = readFileSync(DEMO_DIRECTORY_PATH, 'utf8')
    .replace('{ id: li-ming,   name: 李明, title: 省发展改革委主任, unit: fgw, roles: [单位主要负责人] }', '{ id: r6, name: 己主任, unit: fgw, roles: [单位主要负责人] }')
    .replace(/\npeople:\n/, `\npeople:\n${extra}`);
  return parseDirectory(yaml, 'permissions-test');
}

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ directory: directoryWithSingleRoles() });
});
afterAll(() => h.close());

describe('permissions, every role against every command', () => {
  it('covers every command in the table and nothing else', () => {
    expect(Object.keys(TABLE).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  for (const command of COMMANDS) {
    for (const role of ROLES) {
      const expected = TABLE[command.name]?.[role];
      it(`${command.name} by ${role}: ${expected === 'y' ? 'allowed' : 'refused'}`, async () => {
        const r = await h.say(PEOPLE[role], `${command.name} ${command.examples[0]?.split(/\s+/).slice(1).join(' ') ?? ''}`);
        const refusedForRole = r.text.includes(`「${command.name}」仅限`);
        expect(refusedForRole, r.text).toBe(expected === 'n');
        expect(r.result.outcome).not.toBe('failed');
        if (expected === 'n') expect(r.text).toContain(`您的角色是${role}`);
      });
    }
  }
});
