import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { mentionedPeople } from '../../src/core/reply.js';
import { isLeader, LEADER_ROLES } from '../../src/domain/ladder.js';
import type { OutgoingMessage } from '../../src/outbox/outgoing.js';

let h: Harness;
afterEach(() => h.close());

const leaderIds = () =>
  h.directory
    .allPeople()
    .filter((p) => p.roles.some((r) => (LEADER_ROLES as readonly string[]).includes(r)))
    .map((p) => p.id);
const leaderNames = () =>
  h.directory
    .allPeople()
    .filter((p) => isLeader(p))
    .map((p) => p.name);
const digests = (ms: OutgoingMessage[], name: string) => ms.filter((m) => m.targetKind === 'person' && m.targetId === name && m.reply.title.startsWith('督办专报'));

/**
 * A ledger with a task at every step of 两通报、一移交 and every trigger, a pending 延期, a
 * coordination that climbs to the 分管领导, unsigned work of the 办公厅 (whose head is the 秘书长),
 * work given to the 秘书长 himself, a 上级文件 and a completion a leader assigned: every
 * scheduled job runs on the fake clock for five weeks.
 */
async function everyStep(): Promise<OutgoingMessage[]> {
  h = await makeHarness({ start: ['2026-12-01', '10:00'] });
  const say = async (name: string, text: string) => {
    const r = await h.say(name, text);
    expect(r.text, `${name}: ${text}`).not.toMatch(/处理出错|仅限|正确写法/);
    return r;
  };
  await say('周建国', '交办 发改委 事项甲 12月2日'); // D-0001: three chases, 拟移交, 同意移交
  await say('陈立群', '交办 财政厅 发改委 事项乙 12月3日'); // D-0002: three chases, 拟移交, 不予移交
  await say('刘海燕', '交办 办公厅 事项丙 12月3日'); // D-0003: never signed; the 办公厅's head is the 秘书长
  await say('孙丽', '交办 住建厅 事项丁 12月4日'); // D-0004: a 延期 nobody decides
  await say('孙丽', '交办 @吴德明 事项戊 12月4日'); // D-0005: the 秘书长 himself is the responsible person
  await say('陈立群', '交办 交通厅 事项己 12月31日'); // D-0006: a leader's 整改要求 not carried out
  await say('孙丽', '交办 生态环境厅 事项庚 12月4日'); // D-0007: 说明属实 stops the climb
  await say('孙丽', '交办 江城市 事项辛 12月31日 重点'); // D-0008: 复核不实
  await say('孙丽', '交办 办公厅 贯彻落实上级文件精神 来源:上级文件'); // D-0009: reported to the head the same day
  await say('王芳', '签收 D-0001 D-0002');
  await say('钱敏', '签收 D-0002');
  await say('杨帆', '签收 D-0004');
  await say('许娜', '签收 D-0006');
  await say('吕婷', '签收 D-0007');
  await say('彭丽', '签收 D-0008');
  await say('杨帆', '延期 D-0004 至 12月18日 等待省财政厅资金批复');
  await say('陈立群', '整改要求 D-0006 本周内报送初稿 截止:12月9日');
  await say('王芳', '协调 D-0002 财政厅 资金来源存在分歧');
  await say('彭丽', '办结 D-0008 全市数据已汇总报送');
  await say('孙丽', '复核 D-0008 不实 缺少两个县的数据 截止:12月18日');
  const sent: OutgoingMessage[] = [];
  sent.push(...(await h.until('2026-12-08', '10:00')));
  await say('秦峰', '说明 D-0007 需等待监测数据；整改措施：12月15日前报送');
  await say('孙丽', '说明属实 D-0007');
  sent.push(...(await h.until('2026-12-09', '10:00')));
  await say('孙丽', '拟移交 D-0001 被催办 3 次仍未落实');
  await say('吴德明', '拟移交 D-0002 被催办 3 次仍未落实');
  sent.push(...(await h.until('2026-12-10', '10:00')));
  await say('周建国', '同意移交 D-0001');
  await say('周建国', '不予移交 D-0002 已作出整改部署，由督查室继续督办');
  await say('许娜', '办结 D-0006 规划初稿已报送省政府');
  sent.push(...(await h.until('2027-01-08', '17:00')));
  return sent;
}

describe('leaders are never @-mentioned in the group', () => {
  it('over five weeks of every scheduled job and a task at every ladder step, no group message @-mentions a 主要领导, 分管领导 or 秘书长', async () => {
    const jobs = await everyStep();
    const all = h.sent;
    // The scenario really reached every step and every job.
    const titles = jobs.map((m) => m.reply.title);
    for (const t of ['每日督办提醒', '督查室通报', '办公厅通报', '催签收', '督办专报', '督办周通报', '督办月统计']) {
      expect(
        titles.some((x) => x.startsWith(t)),
        t,
      ).toBe(true);
    }
    const leaders = leaderIds();
    const names = leaderNames();
    const offending = all
      .filter((m) => m.targetKind === 'chat')
      .filter((m) => mentionedPeople(m.reply).some((id) => leaders.includes(id)) || names.some((n) => h.render(m).includes(`@${n}`)))
      .map((m) => `${m.origin} ${m.reply.title}`);
    expect(offending).toEqual([]);
    // Leaders never get the handler footer, and at most one 专报 a day.
    for (const m of all.filter((x) => x.targetKind === 'person' && names.includes(x.targetId))) {
      expect(h.render(m)).not.toContain('回复「签收 编号」');
    }
    const days = all.filter((m) => m.targetKind === 'person' && m.reply.title.startsWith('督办专报')).map((m) => `${m.targetId}:${m.createdAt.slice(0, 10)}`);
    expect(new Set(days).size).toBe(days.length);
  });

  it('what leaders need reaches them by 专报 instead: their own work, their unit unsigned, a coordination, a completion to read', async () => {
    const sent = await everyStep();
    const wu = digests(sent, '吴德明')
      .map((m) => h.render(m))
      .join('\n');
    expect(wu).toContain('【您承办的事项】\nD-0005 事项戊｜12月4日到期，逾期');
    expect(wu).toContain('【本单位未签收】\nD-0003 事项丙｜12月1日交办，承办人 蒋涛（省政府办公厅）');
    const chen = digests(sent, '陈立群')
      .map((m) => h.render(m))
      .join('\n');
    expect(chen).toMatch(/【待您协调】\nC-0001（D-0002 事项乙）｜省发展改革委、省财政厅｜[^\n]*请出具协调意见：回复「协调意见 C-0001 意见内容」/);
    expect(chen).toContain('【办结待阅】\nD-0006 事项己｜省交通运输厅 12-10 10:00 办结：规划初稿已报送省政府');
    const done = (await h.app.storage.transaction((r) => r.tasks.findByCode('D-0006')))!;
    expect(done.status).toBe('completed');
  });
});
