import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMANDS } from '../../commands/index.js';
import { defineCommand } from '../../src/core/command.js';
import { UserError } from '../../src/core/errors.js';
import type { CorePort } from '../../src/core/ports.js';
import type { InboundMessage } from '../../src/core/inbound.js';
import type { Adapter, PlatformModule } from '../../src/adapters/adapter.js';
import type { OutgoingMessage } from '../../src/outbox/outgoing.js';
import { declareAbsence } from '../../src/domain/actions/absence.js';
import { runPlatforms } from '../../src/run-platforms.js';
import { makeHarness, type Harness } from '../support/harness.js';
import type { JobDefinition } from '../../src/jobs/job.js';

/**
 * The recipes of docs/ARCHITECTURE.md, followed as a newcomer would: a command added only by
 * its definition, and a platform added only by its module, each through the real front door.
 */
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Recipe「Add a command」: a definition object; parse → schema → run calls a domain action and builds the reply. */
const outOfOffice = defineCommand({
  name: '外勤',
  aliases: ['field-work'],
  category: '例外',
  summary: '登记本人外勤（示例命令）',
  usage: ['外勤 天数'],
  examples: ['外勤 2'],
  allowed: ['经办人', '单位主要负责人'],
  parse(input) {
    const m = /^(\d{1,2})$/.exec(input.text.trim());
    if (!m) throw new UserError('bad_arguments', `「${input.text.trim()}」不是天数。`);
    return { days: Number(m[1]) };
  },
  schema: z.object({ days: z.number().int().min(1, '至少 1 天').max(30, '不超过 30 天') }),
  async run(ctx, args) {
    const to = ctx.calendar.addWorkingDays(ctx.today, args.days - 1);
    await declareAbsence(ctx, { personId: ctx.actor.id, from: ctx.today, to, reason: '外勤', by: ctx.actor.id });
    return { reply: { tone: 'success', title: `已登记外勤 ${args.days} 天` } };
  },
});

describe('recipe: add a command', () => {
  it('a new definition is answered, refused with its usage, permission-checked and audited through the front door', async () => {
    h = await makeHarness({ commands: [...COMMANDS, outOfOffice] });
    const ok = await h.say('王芳', '外勤 2');
    expect(ok.text).toContain('已登记外勤 2 天');
    const bad = await h.say('王芳', '外勤 很久');
    expect(bad.text).toContain('「很久」不是天数');
    expect(bad.text).toContain('外勤 天数');
    const outOfRange = await h.say('王芳', '外勤 40');
    expect(outOfRange.text).toContain('不超过 30 天');
    const refused = await h.say('周建国', '外勤 1');
    expect(refused.result.outcome).not.toBe('handled');
    const help = await h.say('王芳', '帮助 外勤');
    expect(help.text).toContain('登记本人外勤');
    const records = await h.app.storage.transaction((r) => r.audit.forSubject('person:wang-fang'));
    expect(records.some((a) => a.action === 'absence_set' && 'message' in a.source)).toBe(true);
  });
});

/** Recipe「Add a platform」: an Adapter and a PlatformModule that see only the CorePort. */
function echoPlatform(seen: { core?: CorePort; sent: OutgoingMessage[]; accept?: (m: InboundMessage) => Promise<unknown> }): PlatformModule {
  return {
    name: 'console',
    label: '测试平台',
    isConfigured: () => true,
    async create(_env, core): Promise<Adapter> {
      seen.core = core;
      return {
        platform: 'console',
        async start(accept) {
          seen.accept = accept;
        },
        async stop() {},
        async send(m) {
          seen.sent.push(m);
          return {};
        },
      };
    },
  };
}

describe('recipe: add a platform', () => {
  it('a module built from the CorePort alone takes messages in through accept and delivers the answers', async () => {
    h = await makeHarness();
    const seen: Parameters<typeof echoPlatform>[0] = { sent: [] };
    const running = await runPlatforms(h.app, [echoPlatform(seen)], {});
    const core = seen.core!;
    expect(core.botName).toBe('督办助手');
    const wang = core.directory.findPerson('王芳')!;
    expect(await core.accounts('console').accountFor(wang.id)).toBe('王芳');
    expect((await core.accounts('console').personFor('王芳'))?.id).toBe(wang.id);
    const msg: InboundMessage = {
      platform: 'console',
      messageId: 'recipe-1',
      chatId: 'console-group',
      chatType: 'group',
      senderAccountId: '王芳',
      text: '帮助',
      mentions: [],
      mentionsBot: true,
      at: core.clock.now(),
    } as InboundMessage;
    const acceptance = (await seen.accept!(msg)) as { result: Promise<unknown> };
    await acceptance.result;
    await core.deliver();
    expect(seen.sent.length).toBeGreaterThan(0);
    expect(seen.sent[0]?.targetId).toBe('console-group');
    expect((await core.ledgerCounts()).tasks).toBe(0);
    await running.stop();
  });
});

/** Recipe「Add a scheduled job」: a JobDefinition with its time, its period and a run that posts through the context. */
const fridayReminder: JobDefinition = {
  name: 'friday-reminder',
  label: '周五报送提醒',
  kind: 'chase',
  timeOn: (date, calendar) => (calendar.isWorkingDay(date) && new Date(`${date}T12:00:00+08:00`).getUTCDay() === 5 ? '16:00' : undefined),
  period: (date) => date,
  async run(ctx) {
    const n = await ctx.postToGroups({ tone: 'info', title: `周五报送提醒 · ${ctx.today}`, lines: ['请各单位于下班前报送本周进展。'] });
    return { detail: `${n} 个群` };
  },
};

describe('recipe: add a scheduled job', () => {
  it('runs at its time on its day only, once per period, and records its run', async () => {
    h = await makeHarness({ jobs: [fridayReminder] });
    await h.say('王芳', '帮助');
    const thursday = await h.until('2026-12-10', '17:00');
    expect(thursday.filter((m) => m.reply.title.startsWith('周五报送提醒'))).toHaveLength(0);
    const friday = await h.until('2026-12-11', '16:30');
    expect(friday.filter((m) => m.reply.title === '周五报送提醒 · 2026-12-11')).toHaveLength(1);
    // The same period again (a restart, a second tick) sends nothing.
    await h.app.scheduler.runBetween(new Date(h.clock.now().getTime() - 3_600_000), h.clock.now(), h.clock);
    const again = await h.until('2026-12-11', '17:00');
    expect(again.filter((m) => m.reply.title.startsWith('周五报送提醒'))).toHaveLength(0);
    const run = await h.app.storage.transaction((r) => r.jobRuns.find('friday-reminder', '2026-12-11'));
    expect(run).toMatchObject({ job: 'friday-reminder', period: '2026-12-11' });
    expect(await h.app.storage.transaction((r) => r.jobRuns.find('friday-reminder', '2026-12-10'))).toBeUndefined();
  });
});
