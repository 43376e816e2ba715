import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  // Monday 2026-12-07 (the harness's default start).
  h = await makeHarness();
  await h.say('陈立群', '交办 发改委 财政厅 海州市 推进产业园区基础设施建设 12月31日');
  await h.say('王芳', '签收 D-0001');
});
afterEach(() => h.close());

const item = (code = 'C-0001') => h.app.storage.transaction((r) => r.coordinations.findByCode(code));
const history = (code = 'C-0001') => h.app.storage.transaction((r) => r.audit.forSubject(code));

describe('缺位递补 for a pending item (H8)', () => {
  it('passes an open item to the substitute at once when its deputy goes on leave: @-mentioned with the history, the record says why', async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    h.at('2026-12-08', '10:00');
    const r = await h.say('郑晓东', '请假 至 12月11日 赴京汇报');
    expect(r.text).toContain('待协调的 C-0001 已转由递补人接手');
    expect(r.text).toContain('C-0001 转由 黄志远 协调（缺位递补）');
    expect(r.text).toContain('原因：郑晓东请假至12月11日，由黄志远递补（缺位递补）');
    expect(r.text).toContain('协调经过：');
    expect(r.text).toContain('请 @黄志远 接手出具协调意见');
    const c = await item();
    expect(c).toMatchObject({ ownerId: 'huang-zhiyuan', handlerIds: ['huang-zhiyuan'], levelSince: '2026-12-08', level: 0 });
    expect(c?.ownerNote).toContain('缺位递补');
    expect((await history()).at(-1)).toMatchObject({ action: 'coordinate_substitute', details: expect.objectContaining({ from: 'zheng-xiaodong', to: 'huang-zhiyuan' }) });
    // 缺位递补 is the rule's act, not the absent deputy's: the history shows it as the bot's.
    const shown = (await h.say('孙丽', 'C-0001 协调得怎么样')).text;
    expect(shown).toContain('12-08 10:00 系统 C-0001 转由 黄志远 协调');
    expect(shown).not.toContain('郑晓东 C-0001 转由');
    // The substitute's answer clock restarted: on 12-09 (1 working day at his desk) nothing climbs.
    const sent = await h.until('2026-12-09', '09:30');
    expect(sent.map(h.render).join('\n')).not.toContain('提请分管领导协调');
    expect((await item())?.level).toBe(0);
  });

  it('passes it on the day a leave registered in advance begins, by the daily coordination run, not up to the 分管领导', async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    await h.say('孙丽', '请假 @郑晓东 12月9日至12月18日 出差');
    expect((await item())?.ownerId).toBe('zheng-xiaodong');
    const sent = (await h.until('2026-12-09', '09:30')).map(h.render).join('\n');
    expect(sent).toContain('C-0001 转由 黄志远 协调（缺位递补）');
    expect(sent).not.toContain('C-0001 提请分管领导协调');
    expect(await item()).toMatchObject({ ownerId: 'huang-zhiyuan', level: 0, levelSince: '2026-12-09' });
  });
});

describe('明确表态 (H3, H4)', () => {
  beforeEach(async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    await h.say('郑晓东', '协调意见 C-0001 资金由省级承担60%、市级承担40%');
  });

  it.each(['原则同意，回去再研究', '同意，但需回去请示', '待研究', '原则上同意'])('refuses 「%s」 as not a position, saying why', async (answer) => {
    const r = await h.say('赵刚', `表态 C-0001 ${answer}`);
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('不是明确表态');
    expect(r.text).toContain('不能以回去请示或其它理由推诿搪塞（H3、H4）');
    expect(r.text).toContain('表态 C-0001 同意');
    expect((await item())?.parties.find((p) => p.unitId === 'czt')?.stance).toBeUndefined();
  });

  it("records a handler's position as awaiting the unit head, who confirms it with 确认表态", async () => {
    const r = await h.say('钱敏', '表态 C-0001 同意');
    expect(r.text).toContain('已记录 省财政厅 对 C-0001 的表态：同意（待主要负责人确认）');
    expect(r.text).toContain('请 @赵刚 发「确认表态 C-0001」确认');
    expect((await item())?.parties.find((p) => p.unitId === 'czt')).toMatchObject({ stance: 'agree', statedBy: 'qian-min', confirmedBy: undefined });
    await h.say('李明', '表态 C-0001 同意');
    // Not closed yet: 省财政厅's position does not count until its head signs.
    expect((await item())?.status).toBe('answered');
    const wrong = await h.say('钱敏', '确认表态 C-0001');
    expect(wrong.result.outcome).toBe('refused');
    expect(wrong.text).toContain('由各单位主要负责人（或代行人）确认');
    const ok = await h.say('赵刚', '确认表态 C-0001');
    expect(ok.text).toContain('已确认：C-0001 各方均已表态同意，协调完成');
    expect(await item()).toMatchObject({ status: 'closed' });
    expect((await item())?.parties.find((p) => p.unitId === 'czt')).toMatchObject({ confirmedBy: 'zhao-gang' });
  });

  it("lets the head replace a handler's position, and a handler's 不同意 climbs only once confirmed", async () => {
    await h.say('钱敏', '表态 C-0001 不同意 省级财力难以承担');
    expect((await item())?.level).toBe(0);
    const head = await h.say('赵刚', '表态 C-0001 不同意 省级财力难以承担60%，建议五五分担');
    expect(head.text).toContain('C-0001 提请分管领导协调');
    expect((await item())?.parties.find((p) => p.unitId === 'czt')).toMatchObject({ statedBy: 'zhao-gang', confirmedBy: 'zhao-gang', position: '省级财力难以承担60%，建议五五分担' });
  });

  it('takes the acting head (代行) as the unit head', async () => {
    await h.say('赵刚', '代行 @钱敏 至 12月18日');
    const r = await h.say('钱敏', '表态 C-0001 同意');
    expect(r.text).not.toContain('待主要负责人确认');
    expect((await item())?.parties.find((p) => p.unitId === 'czt')).toMatchObject({ confirmedBy: 'qian-min' });
  });
});

describe('scope of 协调 (H8)', () => {
  it('refuses a coordination request that involves one unit, pointing to 延期, 难以执行 and the assigner', async () => {
    await h.say('陈立群', '交办 自然资源厅 调整重大项目用地布局 12月31日');
    const r = await h.say('何静', '协调 D-0002 用地指标不足，需要协调');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('协调用于涉及两个以上单位的事项（H8），D-0002 只涉及省自然资源厅');
    expect(r.text).toContain('延期 D-0002 至 日期 理由');
    expect(r.text).toContain('难以执行 D-0002 原因');
    expect(r.text).toContain('交办人 陈立群');
    expect(await item()).toBeUndefined();
  });
});

describe('who climbs to the 主要领导 (H7)', () => {
  beforeEach(async () => {
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
  });

  it('climbs on silence to the 分管领导 and stops there', async () => {
    // 2 working days with the 副秘书长: 12-09 goes to the 分管领导; then it waits for their judgement.
    const sent = (await h.until('2026-12-18', '10:00')).map(h.render).join('\n');
    expect(sent).toContain('C-0001 提请分管领导协调');
    expect(sent).not.toContain('提请主要领导协调');
    expect((await item())?.level).toBe(1);
  });

  it('asks the 主要领导 only on 升级 by the 分管领导 or the 秘书长', async () => {
    await h.say('孙丽', '升级 C-0001 分歧较大');
    expect((await item())?.level).toBe(1);
    const office = await h.say('孙丽', '升级 C-0001 仍难协调');
    expect(office.result.outcome).toBe('refused');
    expect(office.text).toContain('是否提请主要领导协调，由分管领导（陈立群）或秘书长决定（H7）');
    const deputy = await h.say('郑晓东', '升级 C-0001');
    expect(deputy.result.outcome).toBe('refused');
    const ok = await h.say('吴德明', '升级 C-0001 事项复杂，涉及省市财权划分');
    expect(ok.text).toContain('C-0001 提请主要领导协调');
    expect((await item())?.level).toBe(2);
  });

  it('after a disagreement at the 分管领导 it goes back to them, who may send 升级', async () => {
    await h.say('孙丽', '升级 C-0001 分歧较大');
    await h.say('陈立群', '协调意见 C-0001 省级承担55%');
    const r = await h.say('赵刚', '表态 C-0001 不同意 仍难承担');
    expect(r.text).toContain('请 陈立群 再行协调（出具协调意见）；协调不了或者事项复杂的，请发「升级 C-0001」提请主要领导协调（H7）');
    expect((await item())?.level).toBe(1);
    const up = await h.say('陈立群', '升级 C-0001 分管领导协调不了');
    expect(up.text).toContain('C-0001 提请主要领导协调');
    const decided = await h.say('周建国', '协调意见 C-0001 省级承担50%');
    expect(decided.text).toContain('遵照执行');
    const late = await h.say('王芳', '表态 C-0001 不同意 仍有意见');
    expect(late.text).toContain('不再提出异议（H3）');
  });
});
