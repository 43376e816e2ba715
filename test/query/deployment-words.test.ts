import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07', '09:00');
  await h.say('孙丽', '交办 生态环境厅 贯彻落实空气质量改善行动计划 来源:上级文件'); // D-0001
  await h.say('吕婷', '部署 D-0001 已召开专题会议部署，明确责任分工');
});
afterAll(() => h.close());

describe('部署 in a question', () => {
  it('is never taken for a unit missing from the directory (…部)', async () => {
    for (const q of ['D-0001 部署了吗', '生态环境厅部署情况怎么样']) expect((await h.say('周建国', q)).text, q).not.toContain('通讯录中没有「部署');
  });

  it('D-0001 部署了吗 shows the card with its 部署 report and no note about the word', async () => {
    const t = (await h.say('周建国', 'D-0001 部署了吗')).text;
    expect(t).toContain('吕婷 部署落实（省生态环境厅）：已召开专题会议部署，明确责任分工');
    expect(t).not.toContain('未能理解');
  });

  it('a unit’s 部署情况 answers the unit’s work and says the lists do not separate the 部署', async () => {
    const t = (await h.say('周建国', '生态环境厅部署情况怎么样')).text;
    expect(t).toContain('省生态环境厅概况');
    expect(t).toContain('未能理解「部署情况（布置落实情况不单列');
  });
});

describe('words that end like a unit but are none', () => {
  it('干部 and 办公会 are never asked for as units missing from the directory', async () => {
    for (const q of ['领导干部负责的事有哪些', '上次办公会交办的事有几件']) expect((await h.say('周建国', q)).text, q).not.toContain('通讯录中没有');
  });

  it('专题会定的事 reads as work from meeting decisions (来源 会议决定事项), and says what it left out', async () => {
    const t = (await h.say('周建国', '专题会定的事办完了吗')).text;
    expect(t).toContain('会议决定事项');
    expect(t).toContain('未能理解「定」');
  });
});
