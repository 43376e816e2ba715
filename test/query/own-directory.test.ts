import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { parseDirectory } from '../../src/directory/load-directory.js';

/** A directory with none of the demo's names: answers must be built from it, and 发改委 is unknown. */
const YAML = `
name: 东湖市督办工作群
units:
  - { id: jyj, name: 东湖市教育局, aliases: [教育局, 市教育局] }
  - { id: xq,  name: 西城区政府, aliases: [西城区, 西城] }
people:
  - { id: mayor, name: 方明远, title: 市长, roles: [主要领导] }
  - { id: office, name: 白雪, title: 督查室主任, roles: [督查室, 管理员] }
  - { id: head, name: 程刚, title: 教育局局长, unit: jyj, roles: [单位主要负责人] }
  - { id: clerk, name: 夏雨, title: 教育局办公室主任, unit: jyj, roles: [经办人] }
  - { id: xhead, name: 高峰, title: 西城区区长, unit: xq, roles: [单位主要负责人] }
`;

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ directory: parseDirectory(YAML, 'test') });
  h.at('2026-11-30');
  await h.say('方明远', '交办 教育局 排查校舍安全 12月2日');
  h.at('2026-12-07');
});
afterAll(() => h.close());

describe("questions against a directory of one's own", () => {
  it('通讯录中没有「发改委」 rather than a province-wide zero', async () => {
    const t = (await h.say('方明远', '发改委还有几件逾期？')).text;
    expect(t).toContain('通讯录中没有「发改委」');
    expect(t).not.toContain('逾期事项：0 件');
    expect(t).toContain('教育局');
  });

  it('reads its own names, and 没有看懂 and 帮助 show its own examples', async () => {
    expect((await h.say('方明远', '教育局还有几件逾期？')).text).toContain('东湖市教育局逾期事项：1 件');
    const lost = (await h.say('方明远', '今天天气不错')).text;
    expect(lost).toContain('没有看懂');
    expect(lost).toContain('西城还有几件没办完？');
    expect(lost).not.toMatch(/发改委|王芳|南岭/);
    const help = (await h.say('方明远', '帮助 查询')).text;
    expect(help).toContain('夏雨手上有哪些事');
    const all = (await h.say('方明远', '帮助')).text;
    expect(all).toContain('西城还有几件没办完？');
  });
});
