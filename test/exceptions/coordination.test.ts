import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { nextCoordinationStep } from '../../src/domain/coordination-rules.js';
import { escalateOverdueCoordinations } from '../../src/domain/actions/escalate-coordination.js';
import { escalationNotice } from '../../src/render/escalation-notice.js';
import { isoShanghai, localDate } from '../../src/time/shanghai.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  await h.say('陈立群', '交办 发改委 财政厅 海州市 推进产业园区基础设施建设 12月31日');
  await h.say('王芳', '签收 D-0001');
});
afterEach(() => h.close());

const item = (code = 'C-0001') => h.app.storage.transaction((r) => r.coordinations.findByCode(code));

describe('协调', () => {
  it('opens C-0001 and routes it to the 副秘书长 covering the units involved, @-mentioned', async () => {
    const r = await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    expect(r.text).toContain('已提请协调 C-0001');
    expect(r.text).toContain('当前：副秘书长协调：@郑晓东');
    expect(r.text).toContain('请 @郑晓东 于 12月9日（周三）前出具协调意见');
    const c = await item();
    expect(c).toMatchObject({ ownerId: 'zheng-xiaodong', requesterUnit: 'fgw', level: 0, status: 'open', levelSince: '2026-12-07' });
    expect(c?.parties.map((p) => p.unitId)).toEqual(['fgw', 'czt']);
  });

  it('keeps the first deputy asked as owner when another deputy is drawn in (首问负责)', async () => {
    // 发改委 and 财政厅 are 郑晓东's, 住建厅 is 黄志远's: 郑晓东 covers more, so he owns it.
    const r = await h.say('王芳', '协调 D-0001 与财政厅、住建厅对园区道路建设标准意见不一致');
    expect(r.text).toContain('会同：@黄志远（按首问负责，由 郑晓东 牵头协调）');
    const refused = await h.say('黄志远', '协调意见 C-0001 按省标执行');
    expect(refused.result.outcome).toBe('refused');
    expect(refused.text).toContain('C-0001 现由副秘书长协调：郑晓东出具意见（首问负责）');
  });

  it('replaces an absent deputy by the named substitute, and the record says why (缺位递补)', async () => {
    await h.say('郑晓东', '请假 至 12月11日 赴京汇报');
    const r = await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    expect(r.text).toContain('当前：副秘书长协调：@黄志远');
    expect(r.text).toContain('首问负责：黄志远（郑晓东请假至12月11日，由黄志远递补（缺位递补））');
    const c = await item();
    expect(c?.ownerId).toBe('huang-zhiyuan');
    const audit = await h.app.storage.transaction((x) => x.audit.forSubject('C-0001'));
    expect(audit[0]?.details.ownerNote).toContain('缺位递补');
  });

  it('lets the substitute answer while the owner is away, and refuses others naming who may', async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    await h.say('孙丽', '请假 @郑晓东 至 12月9日');
    const ok = await h.say('黄志远', '协调意见 C-0001 省级承担60%，市级40%');
    expect(ok.text).toContain('C-0001 协调意见');
    expect((await item())?.status).toBe('answered');
  });

  it('asks the parties to state a clear position; all agreeing closes it', async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    const op = await h.say('郑晓东', '协调意见 C-0001 资金由省级承担60%、市级承担40%');
    expect(op.text).toContain('请各方明确表态：省发展改革委（@王芳、@李明）；省财政厅（@钱敏、@赵刚）');
    const vague = await h.say('钱敏', '表态 C-0001 研究研究再说');
    expect(vague.text).toContain('表态须明确');
    expect((await h.say('林雪', '表态 C-0001 同意')).text).toContain('C-0001 由涉及单位表态：省发展改革委：王芳、李明；省财政厅：钱敏、赵刚');
    await h.say('李明', '表态 C-0001 同意');
    const last = await h.say('赵刚', '表态 C-0001 同意 按此执行');
    expect(last.text).toContain('C-0001 各方均已表态同意，协调完成');
    const c = await item();
    expect(c?.status).toBe('closed');
    expect(c?.parties).toEqual([
      expect.objectContaining({ unitId: 'fgw', stance: 'agree', statedBy: 'li-ming', confirmedBy: 'li-ming' }),
      expect.objectContaining({ unitId: 'czt', stance: 'agree', statedBy: 'zhao-gang', position: '按此执行' }),
    ]);
  });

  it('says a position given before the opinion is on the matter, and asks it again once the opinion is out', async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    const early = await h.say('赵刚', '表态 C-0001 同意');
    expect(early.text).toContain('已记录 省财政厅 对 C-0001 的表态：同意');
    expect(early.text).toContain('协调意见尚未出具：本表态作为本单位对所提事项的意见记录');
    const op = await h.say('郑晓东', '协调意见 C-0001 资金由省级承担60%、市级承担40%');
    expect(op.text).toContain('省财政厅 此前的表态是在本协调意见出具之前作出的，不作为对本意见的表态，请重新表态。');
    expect(op.text).not.toContain('省发展改革委 此前的表态');
    expect((await item())?.parties.find((p) => p.unitId === 'czt')?.stance).toBeUndefined();
  });

  it('a party that disagrees sends it up to the 分管领导 with the history', async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    await h.say('郑晓东', '协调意见 C-0001 资金由省级承担60%、市级承担40%');
    const r = await h.say('赵刚', '表态 C-0001 不同意 省级财力难以承担60%');
    expect(r.text).toContain('已记录 省财政厅 不同意，C-0001 提请上一级协调');
    expect(r.text).toContain('C-0001 提请分管领导协调');
    expect(r.text).toContain('请 陈立群 出具协调意见。');
    expect(r.text).not.toContain('@陈立群');
    expect(r.text).toContain('出具协调意见 C-0001');
    const c = await item();
    expect(c).toMatchObject({ level: 1, status: 'open', handlerIds: ['chen-liqun'] });
  });

  it('a 主要领导 opinion is final and closes the item', async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    await h.say('孙丽', '升级 C-0001 分歧较大');
    await h.say('陈立群', '升级 C-0001 分管领导也难以协调');
    const r = await h.say('周建国', '协调意见 C-0001 省市各承担一半，年底前到位');
    expect(r.messages[0]?.reply.title).toBe('C-0001 协调意见：已由省长作出决定，请遵照执行');
    expect(r.text).not.toContain('协调一致');
    expect(r.text).toContain('已由省长作出决定，请 省发展改革委（@王芳、@李明）；省财政厅（@钱敏、@赵刚） 遵照执行');
    expect(r.text).toContain('除非有新的原则性意见，否则不再提出异议（H3）');
    expect((await item())?.status).toBe('closed');
    const q = await h.say('孙丽', '查询 D-0001');
    expect(q.text).toContain('C-0001 已由省长作出决定，请遵照执行｜主要领导协调');
    expect(q.text).not.toContain('已协调一致');
    // H3: after the decision a party carries it out; a late objection is answered with that.
    const late = await h.say('赵刚', '表态 C-0001 不同意 仍有困难');
    expect(late.result.outcome).toBe('refused');
    expect(late.text).toContain('C-0001 已由省长作出决定，请遵照执行；除非有新的原则性意见，否则不再提出异议（H3）');
  });

  it('decides each step of the H7 ladder on working days and performs it for the scheduler', async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致'); // Monday 12-07
    const step = async (date: string) => {
      const c = await item();
      return c ? nextCoordinationStep(c, date, h.app.calendar, 2) : undefined;
    };
    expect(await step('2026-12-08')).toEqual({ kind: 'wait', workingDaysLeft: 1 });
    expect(await step('2026-12-09')).toEqual({ kind: 'escalate', to: 1 });
    const run = (date: string) => {
      h.at(date);
      const now = h.clock.now();
      return h.app.storage.transaction(async (repos) => {
        const c = {
          repos,
          directory: h.directory,
          calendar: h.app.calendar,
          now,
          today: localDate(now),
          audit: (action: Parameters<typeof repos.audit.append>[0]['action'], details: Record<string, unknown>, about?: { taskId?: number; subject?: string }) =>
            repos.audit.append({ at: isoShanghai(now), actorId: 'system', action, details, taskId: about?.taskId, subject: about?.subject, source: { job: 'test' } }),
        };
        const escalated = await escalateOverdueCoordinations(c, 2);
        return Promise.all(escalated.map(async (e) => ({ ...e, reply: await escalationNotice(c, e) })));
      });
    };
    expect(await run('2026-12-08')).toHaveLength(0);
    const first = await run('2026-12-09');
    expect(first).toHaveLength(1);
    expect(first[0]?.reply.mentions).toEqual([]); // 陈立群 is told by 专报
    expect((await item())?.level).toBe(1);
    // Friday 12-11 is the second working day at level 1; the weekend does not count. Silence
    // climbs no further than the 分管领导 (H7): it is reported overdue there.
    expect(await run('2026-12-10')).toHaveLength(0);
    expect(await step('2026-12-11')).toEqual({ kind: 'overdue_at_top', workingDaysLate: 0 });
    expect(await run('2026-12-11')).toHaveLength(0);
    expect(await run('2026-12-16')).toHaveLength(0);
    expect((await item())?.level).toBe(1);
  });

  it('is refused to someone not on the task, naming who may ask', async () => {
    const r = await h.say('袁媛', '协调 D-0001 资金问题');
    expect(r.text).toContain('D-0001 只能由承办单位的责任人或单位主要负责人提请协调：省发展改革委：王芳、李明');
  });

  it('shows a coordination item with its history via 查询 C-0001', async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    const r = await h.say('孙丽', '查询 C-0001');
    expect(r.text).toContain('C-0001 协调事项');
    expect(r.text).toContain('首问负责：郑晓东');
    expect(r.text).toContain('各方表态：省发展改革委：未表态');
    const t = await h.say('孙丽', '查询 D-0001');
    expect(t.text).toContain('C-0001 待协调｜副秘书长协调');
  });
});
