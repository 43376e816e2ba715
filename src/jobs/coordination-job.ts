import { escalateOverdueCoordinations } from '../domain/actions/escalate-coordination.js';
import { escalationNotice } from '../render/escalation-notice.js';
import { partyActors } from '../domain/coordination-rules.js';
import { passToSubstitutes } from '../domain/coordination-substitute.js';
import { substituteNotice } from '../render/substitute-notice.js';
import { authorityOn, headsLookup } from '../domain/people-state.js';
import { formatDateCn, localDate } from '../time/shanghai.js';
import { ChaseBook, originTarget } from './chase-messages.js';
import type { JobDefinition } from './job.js';

/**
 * H7's ladder on the calendar: coordination items unanswered after the configured working
 * days climb a level; parties that have not stated their position on an opinion are reminded.
 */
export const coordinationJob: JobDefinition = {
  name: 'coordination',
  label: '协调事项逐级提请',
  kind: 'chase',
  timeOn: (date, cal, s) => (cal.isWorkingDay(date) ? s.chaseTime : undefined),
  period: (date) => date,
  async run(ctx) {
    const days = ctx.settings.coordinationAnswerDays;
    // 缺位递补 first: an item whose deputy is away today passes to the substitute rather than climbing.
    const passed = await passToSubstitutes(ctx, await ctx.repos.coordinations.unresolved());
    for (const p of passed) await ctx.post(originTarget(p.item.origin), await substituteNotice(ctx, p));
    const escalated = await escalateOverdueCoordinations(ctx, days);
    for (const e of escalated) await ctx.post(originTarget(e.item.origin), await escalationNotice(ctx, e));
    const authority = await authorityOn(ctx.repos, ctx.today);
    const heads = await headsLookup(ctx.repos, ctx.directory, ctx.today);
    const book = new ChaseBook();
    for (const item of await ctx.repos.coordinations.unresolved()) {
      if (item.status !== 'answered' || !item.opinionAt) continue;
      if (ctx.calendar.workingDaysBetween(localDate(new Date(item.opinionAt)), ctx.today) < days) continue;
      const task = await ctx.repos.tasks.findById(item.taskId);
      if (!task) continue;
      for (const p of item.parties.filter((x) => !x.stance)) {
        for (const person of partyActors(p.unitId, task, ctx.directory, authority.extraActors)) {
          book.add(originTarget(item.origin), person, { section: '待明确表态', line: `${item.code}（${task.code} ${task.title}）：${ctx.directory.unitName(p.unitId)}尚未表态` });
        }
      }
      // H3: a handler's position waits for the unit head's signature.
      for (const p of item.parties.filter((x) => x.stance && !x.confirmedBy)) {
        for (const person of heads(p.unitId)) {
          book.add(originTarget(item.origin), person, { section: '待主要负责人确认', line: `${item.code}（${task.code} ${task.title}）：${ctx.directory.unitName(p.unitId)}经办人表态待确认` });
        }
      }
    }
    await book.post(
      ctx,
      `协调事项待表态 · ${formatDateCn(ctx.today, ctx.today)}`,
      ['待明确表态', '待主要负责人确认'],
      '被征询单位须明确表态：回复「表态 编号 同意」或「表态 编号 不同意 理由」；经办人的表态由主要负责人「确认表态 编号」。',
    );
    return { detail: `递补 ${passed.length} 件，提请上一级 ${escalated.length} 件，提醒表态 ${book.size} 人次` };
  },
};
