import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { mentionedPeople } from '../../src/core/reply.js';
import { isLeader } from '../../src/domain/ladder.js';
import type { OutgoingMessage } from '../../src/outbox/outgoing.js';

let h: Harness;
afterEach(() => h.close());

const task = (code: string) => h.app.storage.transaction((r) => r.tasks.findByCode(code));
const titled = (ms: OutgoingMessage[], prefix: string) => ms.filter((m) => m.reply.title.startsWith(prefix));
const toPerson = (ms: OutgoingMessage[], name: string) => ms.filter((m) => m.targetKind === 'person' && m.targetId === name);
/** The latest daily chase message addressed to the person. */
const chaseTo = (ms: OutgoingMessage[], personId: string) =>
  titled(ms, '每日督办提醒')
    .filter((m) => m.reply.mentions?.[0] === personId)
    .at(-1);

/** No group message from a job ever @-mentions a leader (主要领导, 分管领导, 秘书长). */
function expectNoLeaderMentioned(ms: OutgoingMessage[]): void {
  for (const m of ms.filter((x) => x.targetKind === 'chat' && x.origin.startsWith('job:'))) {
    const leaders = mentionedPeople(m.reply).filter((id) => isLeader(h.directory.person(id)));
    expect(leaders, `${m.reply.title}`).toEqual([]);
  }
}

/** Thursday 12-03: 陈立群 assigns work due Friday; 王芳 signs and then lets it slip. */
async function overdueFromMonday() {
  h = await makeHarness({ start: ['2026-12-03', '10:00'] });
  await h.say('陈立群', '交办 发改委 编制专项债项目清单 12月4日');
  await h.say('王芳', '签收 D-0001');
}

describe('两通报、一移交 by chases', () => {
  it('1st chase: a numbered 督查室通报 to the unit and an entry in the 日常考核工作台账', async () => {
    await overdueFromMonday();
    const mon = await h.until('2026-12-07');
    expect(h.render(chaseTo(mon, 'wang-fang')!)).toContain('D-0001 编制专项债项目清单｜12月4日到期，逾期 3 天｜第 1 次催办，予以督查室通报，记入日常考核工作台账');
    const [notice] = titled(mon, '督查室通报〔2026〕第1期');
    const text = h.render(notice!);
    expect(text).toContain('省发展改革委：');
    expect(text).toContain('下列事项逾期不报，经催办仍未落实，予以通报，并记入日常考核工作台账：');
    expect(text).toContain('D-0001 编制专项债项目清单｜12月4日到期，逾期 3 天｜被催办 1 次');
    expect(text).toContain('责任人：@王芳；单位主要负责人：@李明');
    expect((await task('D-0001'))?.ladderStep).toBe(1);
    h.at('2026-12-07', '10:00');
    const ledger = await h.say('孙丽', '查询 考核台账 发改委 本月');
    expect(ledger.text).toContain('12月7日 D-0001｜第 1 步：督查室通报，记入日常考核工作台账｜催办｜督查室通报〔2026〕第1期');
    expect(ledger.text).toContain('记入台账（每件事项计 1 次）：发改委 1 件');
    expect((await h.say('王芳', '查询 考核台账')).text).toContain('仅限');
  });

  it('2nd chase: an 办公厅通报; the unit head explains to the assigning leader, who hears it by 专报, not by @', async () => {
    await overdueFromMonday();
    await h.until('2026-12-07');
    const tue = await h.until('2026-12-08');
    const second = chaseTo(tue, 'wang-fang')!;
    expect(second.reply.mentions).toEqual(['wang-fang', 'li-ming']);
    expect(h.render(second)).toContain('第 2 次催办，予以办公厅通报，请单位主要负责人作出说明并提出整改落实措施');
    const notice = titled(tue, '办公厅通报〔2026〕第1期')[0]!;
    expect(h.render(notice)).toContain('下列事项被催办 2 次仍未落实，予以通报：');
    expect(h.render(notice)).toContain('请单位主要负责人向 陈立群（常务副省长） 作出说明，并提出整改落实措施：回复「说明 D-0001 原因；整改措施：…」。');
    const digest = toPerson(tue, '陈立群');
    expect(digest).toHaveLength(1);
    expect(h.render(digest[0]!)).toContain('【须向您作出说明】\nD-0001 编制专项债项目清单｜办公厅通报〔2026〕第1期，省发展改革委主要负责人 李明须向您作出说明并提出整改落实措施');
    expect(digest[0]!.reply.note).toBeUndefined(); // no handler footer for a leader
    expectNoLeaderMentioned(tue);
  });

  it('3rd chase: the item goes on the 拟移交 list for the 督查室 and 秘书长; nothing is handed over', async () => {
    await overdueFromMonday();
    await h.until('2026-12-08');
    const wed = await h.until('2026-12-09');
    expect(h.render(chaseTo(wed, 'wang-fang')!)).toContain('第 3 次催办，列入拟移交名单，由督查室、秘书长研究');
    expect(wed.map((m) => h.render(m)).join('\n')).not.toMatch(/已移交|移交问责|监察部门/);
    for (const name of ['孙丽', '吴德明']) {
      expect(h.render(toPerson(wed, name)[0]!)).toContain('【拟移交名单】\nD-0001 编制专项债项目清单｜省发展改革委｜被催办 3 次，单位尚未作出说明｜如提请移交，回复「拟移交 D-0001 理由」');
    }
    const t = await task('D-0001');
    expect(t?.ladderStep).toBe(3);
    expect(t?.accountabilityAt).toBeUndefined();
    expectNoLeaderMentioned(wed);
    // After the third step the responsible people keep getting their daily line.
    const thu = await h.until('2026-12-10');
    expect(h.render(chaseTo(thu, 'wang-fang')!)).toContain('第 4 次催办（已列入拟移交名单）');
    expect(titled(thu, '督查室通报').concat(titled(thu, '办公厅通报'))).toEqual([]);
  });
});

describe('the 拟移交 list states what the ledger holds of an explanation, never judges it', () => {
  it('names an explanation recorded and not accepted, with its day', async () => {
    await overdueFromMonday();
    await h.until('2026-12-08');
    h.at('2026-12-08', '10:00');
    expect((await h.say('李明', '说明 D-0001 项目需与财政厅逐一核对额度；整改措施：抽调3人专班，12月15日前报送')).result.outcome).toBe('handled');
    const wed = await h.until('2026-12-09');
    const line = h.render(toPerson(wed, '孙丽')[0]!);
    expect(line).toContain('D-0001 编制专项债项目清单｜省发展改革委｜被催办 3 次，单位已于 12月8日 作出说明，督查室尚未认定属实｜');
    expect(line).not.toContain('未能充分说明');
  });
});

describe('拟移交: the office proposes, the 主要领导 decides', () => {
  async function proposed() {
    await overdueFromMonday();
    await h.until('2026-12-09');
    h.at('2026-12-09', '10:00');
    expect((await h.say('王芳', '拟移交 D-0001 理由不足')).text).toContain('仅限');
    const p = await h.say('孙丽', '拟移交 D-0001 被催办 3 次仍未落实，未能充分说明原因');
    expect(p.text).toContain('D-0001 已提请 周建国（省长） 决定是否移交纪检监察机关');
    expect(p.text).toContain('未经同意，不作移交');
    const thu = await h.until('2026-12-10');
    const digest = toPerson(thu, '周建国')[0]!;
    expect(h.render(digest)).toContain(
      '【待您决定】\nD-0001 编制专项债项目清单｜省发展改革委｜孙丽提请移交纪检监察机关，理由：被催办 3 次仍未落实，未能充分说明原因｜请决定：回复「同意移交 D-0001」或「不予移交 D-0001 理由」',
    );
    expect(h.render(chaseTo(thu, 'wang-fang')!)).toContain('（拟移交，待省政府决定）');
    h.at('2026-12-10', '10:00');
  }

  it('同意移交 marks it approved for hand-over to 纪检监察机关 (never 已移交), naming the 主办单位负责人 and the 直接责任人', async () => {
    await proposed();
    expect((await h.say('陈立群', '同意移交 D-0001')).text).toContain('是否移交纪检监察机关，由 周建国（省长） 决定');
    const r = await h.say('周建国', '同意移交 D-0001');
    expect(r.messages[0]?.reply.title).toBe('D-0001 经 周建国（省长） 同意移交纪检监察机关');
    expect(r.text).toContain('主办单位负责人：李明（省发展改革委主任）');
    expect(r.text).toContain('直接责任人：王芳（省发展改革委综合处处长）');
    expect((await task('D-0001'))?.accountabilityAt).toBe('2026-12-10T10:00:00.000+08:00');
    expect((await h.say('孙丽', '查询 D-0001')).text).toContain('同意移交纪检监察机关（主办单位负责人 李明，直接责任人 王芳）');
    const fri = await h.until('2026-12-11');
    expect(h.render(chaseTo(fri, 'wang-fang')!)).toContain('第 5 次催办（经省政府同意移交纪检监察机关）');
    // The approval is the leader's act; the hand-over itself is not the bot's to declare.
    expect((await h.say('孙丽', '查询 D-0001')).text).not.toContain('已移交');
  });

  it('不予移交 records the reason; the task stays in ordinary chasing, never handed over', async () => {
    await proposed();
    expect((await h.say('周建国', '不予移交 D-0001')).text).toContain('不予移交须写明理由');
    const r = await h.say('周建国', '不予移交 D-0001 该单位已作出整改部署，由督查室继续督办');
    expect(r.messages[0]?.reply.title).toBe('D-0001 经 周建国（省长） 决定，不予移交');
    expect((await task('D-0001'))?.accountabilityAt).toBeUndefined();
    expect((await h.say('周建国', '同意移交 D-0001')).text).toContain('已于 12-10 10:00 由 周建国 作出决定');
    const fri = await h.until('2026-12-11');
    const line = h.render(chaseTo(fri, 'wang-fang')!);
    expect(line).toContain('第 5 次催办');
    expect(line).not.toContain('移交');
    expect(toPerson(fri, '周建国')).toEqual([]);
  });
});

describe('other triggers', () => {
  it('复核不实 (退回重办) is a first-step event: 督查室通报 and 台账 entry', async () => {
    h = await makeHarness();
    await h.say('孙丽', '交办 发改委 编制清单 12月31日 重点');
    await h.say('王芳', '办结 D-0001 清单已编制完成并报送');
    const r = await h.say('孙丽', '复核 D-0001 不实 清单缺南岭市项目 截止:12月18日');
    const notice = r.messages.find((m) => m.reply.title === '督查室通报〔2026〕第1期')!;
    expect(h.render(notice)).toContain('下列事项办理质量不高，经复核不实已退回重办，予以通报，并记入日常考核工作台账：');
    expect(h.render(notice)).toContain('D-0001 编制清单｜复核不实，退回重办，重办时限 12月18日');
    expect((await h.say('孙丽', '查询 考核台账')).text).toContain('D-0001｜发改委｜第 1 步：督查室通报，记入日常考核工作台账｜复核不实、退回重办｜督查室通报〔2026〕第1期');
  });

  it('回头看 reopens an item already verified 属实, as a first-step event', async () => {
    h = await makeHarness();
    await h.say('孙丽', '交办 发改委 编制清单 12月31日 重点');
    await h.say('王芳', '办结 D-0001 清单已编制完成并报送');
    await h.say('孙丽', '复核 D-0001 属实');
    expect((await h.say('孙丽', '复核 D-0001 属实')).text).toContain('请用「回头看 D-0001 属实」');
    const r = await h.say('孙丽', '回头看 D-0001 不实 实地查看仍有3处未整改 截止:12月18日');
    expect(r.text).toContain('D-0001 回头看发现不实，退回重办');
    expect(r.text).toContain('督查室通报〔2026〕第1期');
    expect((await task('D-0001'))?.status).toBe('active');
  });

  it("a leader's 整改要求 not carried out by its date brings the 办公厅通报 (step 2), before any chase", async () => {
    h = await makeHarness();
    await h.say('陈立群', '交办 发改委 编制清单 12月31日');
    expect((await h.say('王芳', '整改要求 D-0001 本周内报送初稿')).text).toContain('仅限');
    const d = await h.say('陈立群', '整改要求 D-0001 本周内报送初稿 截止:12月9日');
    expect(d.text).toContain('D-0001 整改要求已记录');
    expect(d.text).toContain('请 @王芳、@李明 按要求整改落实');
    expect(titled(await h.until('2026-12-09'), '办公厅通报')).toEqual([]);
    const thu = await h.until('2026-12-10');
    const notice = titled(thu, '办公厅通报〔2026〕第1期')[0]!;
    expect(h.render(notice)).toContain('下列事项省政府领导提出明确整改要求后仍落实不力，予以通报：');
    expect(h.render(notice)).toContain('D-0001 编制清单｜12月31日到期｜整改要求逾期未落实');
    expect((await task('D-0001'))?.ladderStep).toBe(2);
    expect((await h.say('孙丽', '查询 D-0001')).text).toContain('提出整改要求：本周内报送初稿（截止 2026-12-09）');
    expectNoLeaderMentioned(thu);
  });
});

describe('说明 and 说明属实', () => {
  it('the explanation reaches the leader by 专报; accepted, it stops the climb', async () => {
    await overdueFromMonday();
    await h.until('2026-12-08');
    h.at('2026-12-08', '10:00');
    expect((await h.say('王芳', '说明 D-0001 额度核对耗时；整改措施：抽调专班')).text).toContain('由牵头单位主要负责人（或代行人）作出：李明');
    expect((await h.say('李明', '说明 D-0001 额度核对耗时')).text).toContain('说明须同时写明原因和整改落实措施');
    const e = await h.say('李明', '说明 D-0001 需与财政厅逐一核对额度；整改措施：抽调3人专班，12月15日前报送');
    expect(e.text).toContain('D-0001 说明已记录（省发展改革委 李明 12-08 10:00）');
    expect(e.text).toContain('说明对象：陈立群（常务副省长）');
    const wed = await h.until('2026-12-09', '08:59');
    expect(wed).toEqual([]);
    h.at('2026-12-09', '08:59');
    // Not yet accepted: the 3rd chase still lists it; the leader gets the explanation.
    const w = await h.until('2026-12-09');
    expect(h.render(toPerson(w, '陈立群')[0]!)).toContain('【单位说明】\nD-0001 编制专项债项目清单｜省发展改革委 李明：需与财政厅逐一核对额度；整改措施：抽调3人专班，12月15日前报送');
    expect(h.render(toPerson(w, '孙丽')[0]!)).toContain('认定属实的，回复「说明属实 D-0001」');
    h.at('2026-12-09', '10:00');
    const ok = await h.say('孙丽', '说明属实 D-0001 额度核对确需时间');
    expect(ok.text).toContain('D-0001 单位说明经认定属实，不再逐级上报');
    expect(ok.text).toContain('已移出拟移交名单');
    const thu = await h.until('2026-12-10');
    expect(h.render(chaseTo(thu, 'wang-fang')!)).toMatch(/第 4 次催办\n|第 4 次催办$/);
    expect(toPerson(thu, '吴德明')).toEqual([]);
    expect((await h.say('孙丽', '拟移交 D-0001 理由充分')).text).toContain('不在拟移交名单中');
  });

  it('accepted before the third chase, the item never reaches the list', async () => {
    await overdueFromMonday();
    await h.until('2026-12-08');
    h.at('2026-12-08', '10:00');
    await h.say('李明', '说明 D-0001 需与财政厅核对额度；整改措施：抽调专班');
    await h.say('孙丽', '说明属实 D-0001');
    const wed = await h.until('2026-12-09');
    expect(h.render(chaseTo(wed, 'wang-fang')!)).not.toContain('拟移交');
    expect((await task('D-0001'))?.ladderStep).toBe(2);
  });
});
