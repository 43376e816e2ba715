import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { defineCommand } from '../../src/core/command.js';
import { CommandRegistry, CommandTableError } from '../../src/core/command-registry.js';
import { COMMANDS } from '../../commands/index.js';
import { z } from 'zod';
import { sqliteOf } from '../support/raw-sql.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const count = () => h.app.storage.transaction((r) => r.tasks.count({}));

describe('the front door', () => {
  it('handles the same platform message once: no second task, no second reply', async () => {
    const first = await h.say('孙丽', '交办 发改委 研究 12月20日', { messageId: 'dup-1' });
    const again = await h.say('孙丽', '交办 发改委 研究 12月20日', { messageId: 'dup-1' });
    const third = await h.say('孙丽', '交办 发改委 研究 12月20日', { messageId: 'dup-1' });
    expect(first.result.outcome).toBe('handled');
    expect(again.result.outcome).toBe('duplicate');
    expect(third.messages).toHaveLength(0);
    expect(await count()).toBe(1);
    expect(h.sent).toHaveLength(1);
  });

  it('answers a refused message once even when it is delivered again', async () => {
    await h.say('王芳', '交办 财政厅 研究', { messageId: 'dup-2' });
    const again = await h.say('王芳', '交办 财政厅 研究', { messageId: 'dup-2' });
    expect(again.result.outcome).toBe('duplicate');
    expect(h.sent).toHaveLength(1);
  });

  it('refuses a classified message and keeps nothing of it', async () => {
    for (const [i, text] of ['机密 交办 财政厅 研究 12月20日', '交办 财政厅【秘密】资金方案 12月20日', '绝 密：查询 逾期'].entries()) {
      const r = await h.say('孙丽', text, { messageId: `cls-${i}` });
      expect(r.result.outcome).toBe('refused');
      expect(r.text).toContain('本群为非涉密事项工作群');
    }
    expect(await count()).toBe(0);
    const stored = sqliteOf(h.app).prepare("SELECT count(*) AS n FROM audit_log WHERE details LIKE '%密%'").get();
    expect(stored).toEqual({ n: 0 });
    const inbound = sqliteOf(h.app).prepare('SELECT outcome FROM inbound_messages').all();
    expect(inbound).toEqual([{ outcome: 'classified' }, { outcome: 'classified' }, { outcome: 'classified' }]);
  });

  it('ignores group messages that neither @ the bot nor start with /', async () => {
    const r = await h.say('孙丽', '交办 发改委 研究 12月20日', { mentionsBot: false });
    expect(r.result.outcome).toBe('ignored');
    const slash = await h.say('孙丽', '/交办 发改委 研究 12月20日', { mentionsBot: false });
    expect(slash.result.outcome).toBe('handled');
  });

  it('tells an unregistered sender to ask the administrator', async () => {
    const r = await h.say('赵大', '帮助');
    expect(r.text).toContain('尚未登记在通讯录中');
    expect(r.text).toContain('孙丽');
  });

  it('refuses an over-long message without parsing it', async () => {
    const r = await h.say('孙丽', `交办 发改委 ${'很长的内容'.repeat(2000)} 12月20日`);
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('消息过长');
    expect(await count()).toBe(0);
  });

  it('strips control characters and zero-width spaces before reading a command', async () => {
    const r = await h.say('孙丽', '\u200b交办\u0007 发改委 研究\u0000资金 12月20日');
    expect(r.text).toContain('已交办 D-0001');
    const t = await h.app.storage.transaction((x) => x.tasks.findByCode('D-0001'));
    expect(t?.title).toBe('研究资金');
  });

  it('turns an unexpected failure into an apology with a reference, logs it and rolls the change back', async () => {
    const boom = defineCommand({
      name: '爆炸',
      aliases: [],
      summary: 'x',
      usage: ['爆炸'],
      examples: ['爆炸'],
      allowed: 'anyone',
      parse: () => ({}),
      schema: z.object({}),
      async run(ctx) {
        await ctx.repos.tasks.create({
          title: 'half',
          source: 'general',
          isKey: false,
          assignerId: ctx.actor.id,
          assignedAt: 'x',
          assignedDate: ctx.today,
          deadline: ctx.today,
          units: [{ unitId: 'fgw', role: 'lead', responsibleId: 'wang-fang' }],
          origin: ctx.message,
        });
        throw new Error('disk on fire');
      },
    });
    await h.close();
    h = await makeHarness({ commands: [...COMMANDS, boom] });
    const r = await h.say('孙丽', '爆炸');
    expect(r.result.outcome).toBe('failed');
    expect(r.text).toMatch(/处理出错，已记录（参考号 E-20261207-[0-9a-f]{6}）/);
    expect(h.logs.some((l) => l.includes('disk on fire') && l.includes('爆炸'))).toBe(true);
    expect(await count()).toBe(0);
  });
});

describe('the command table', () => {
  it('refuses a duplicate name or alias at start-up, saying how to fix it', () => {
    const clash = defineCommand({ ...COMMANDS[1]!, name: '确认', aliases: ['ack'] });
    expect(() => new CommandRegistry([...COMMANDS, clash])).toThrow(CommandTableError);
    expect(() => new CommandRegistry([...COMMANDS, clash])).toThrow(/「ack」同时是「签收」和「确认」/);
  });

  it('matches Chinese names glued to their arguments and Latin aliases only on a word boundary', () => {
    const reg = new CommandRegistry(COMMANDS);
    expect(reg.match('签收D-0001')).toMatchObject({ command: { name: '签收' }, rest: 'D-0001' });
    expect(reg.match('ack D-0001')?.command.name).toBe('签收');
    expect(reg.match('acknowledgement')).toBeUndefined();
    expect(reg.match('办结：D-0001 已完成')?.rest).toBe('D-0001 已完成');
  });
});
