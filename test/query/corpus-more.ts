/**
 * More of the corpus (see corpus.ts): messages holding several questions, 为什么, chases counted,
 * questions by source and how long overdue. Read against the demo directory on Monday 2026-12-07.
 */
const WEEK = '2026-12-07..2026-12-13';

export const MORE: ReadonlyArray<readonly [string, string]> = [
  // Several questions in one message: the first is answered, the rest named (never merged into one).
  ['发改委这周办结了几件，逾期的有哪些，谁负责？', `unit:fgw done completed:${WEEK} form:count unanswered:逾期的有哪些|谁负责`],
  ['本周交办了多少件？其中逾期的有几件', `all assigned:${WEEK} form:count unanswered:其中逾期的有几件`],
  ['海州，还有几件没办完？', 'unit:hz open form:count'],
  ['请问，发改委还有哪些逾期的？', 'unit:fgw overdue form:list'],
  ['D-0003签收了吗，谁负责', 'task D-0003'],
  ['D-0003和D-0005怎么样了', 'tasks D-0003,D-0005'],
  // 紧急 work (marked on 交办).
  ['紧急的有哪些', 'all urgent form:list'],
  // 延期: extended work, and requests still waiting.
  ['哪些事项延期了', 'all extended form:list'],
  ['自然资源厅延期过的事项', 'unit:zrzyt extended form:list'],
  ['申请延期的有哪些', 'all pending:extension form:list'],
  ['报了难以执行的有几件', 'all pending:infeasible form:count'],
  ['发改委紧急事项还有几件没签收', 'unit:fgw unacked urgent form:count'],
  // A time the reader cannot bound is said, never read as 几 (a count) nor dropped.
  ['这几天交办的', 'all form:overview ignored:这几天（请写明时间，如「最近7天」「本周」「12月1日以来」）'],
  ['近期逾期的有几件', 'all overdue form:count ignored:近期（请写明时间，如「最近7天」「本周」「12月1日以来」）'],
  ['最近7天交办的', 'all assigned:2026-12-01..2026-12-07 form:list'],
  // Coordination items (C-…), not tasks: only those not yet agreed are listed.
  ['还有哪些协调没办完', 'coords'],
  ['待协调的有哪些', 'coords'],
  ['交通厅有几件协调', 'coords unit:jtt count'],
  ['还没协调一致的有哪些', 'coords'],
  ['已经协调一致的有哪些', 'coords ignored:已协调一致的（只列出尚未协调一致的协调事项）'],
  ['没有协调的事项有哪些', 'none ignored:没有'],
  // Chases counted: a unit's from the tally (its line and place), all units' as the tally.
  ['发改委被催办了几次', 'rank chases unit:fgw'],
  ['上周发改委被催了几次', 'rank chases[上周] unit:fgw'],
  ['我单位被催办了几次', 'rank chases'],
  ['本月各单位被催办了多少次', 'tally[本月]'],
  ['D-0003 催办了几次', 'task D-0003'],
  ['发改委被催办的事项有哪些', 'unit:fgw form:overview ignored:被催办'],
  // Work of one source (来源): 人大建议, 政协提案, 网民留言, 领导批示.
  ['人大建议办得怎么样', 'all source:npc_suggestion form:list'],
  ['发改委的网民留言有哪些', 'unit:fgw source:citizen_message form:list'],
  ['政协提案还有几件没办完', 'all open source:cppcc_proposal form:count'],
  ['政协提案和人大建议还有几件没办完', 'all open source:cppcc_proposal form:count ignored:人大建议（一次查询一种来源）'],
  ['领导批示件都签收了吗', 'all source:instruction form:all_acked'],
  // How long overdue: the list gives each item's days.
  ['交通厅逾期了几天', 'unit:jtt overdue form:list'],
  ['海州逾期多少天了', 'unit:hz overdue form:list'],
  // Who is away (请假 registered with the bot): a day or a period, of everyone, a unit, a person or oneself.
  ['谁在请假', 'absences[今天]'],
  ['郑晓东在不在', 'absences[今天] person:zheng-xiaodong'],
  ['发改委明天谁请假', 'absences[明天] unit:fgw'],
  ['下周有谁出差', 'absences[下周]'],
  ['我下周请假了吗', 'absences[下周] me'],
  ['今年谁请过假', 'absences[2026年]'],
  // What was reported (进展, 办结) in a period: the last 7 days unless a time is named.
  ['今天有什么新进展', 'activity[今天]'],
  ['发改委本周报了哪些进展', 'activity[本周] unit:fgw'],
  ['王芳最近7天有什么新进展', 'activity[最近7天] person:wang-fang'],
  ['我交办的事有什么新进展', 'activity[最近7天] me'],
  ['重点事项有什么新进展', 'activity[最近7天] ignored:重点（进展按单位或个人查询）'],
  // 为什么: what the ledger holds is shown; the reason is the unit's to state.
  ['D-0003 为什么还没办完', 'task D-0003 why'],
  ['发改委为什么逾期这么多', 'unit:fgw overdue form:list why'],
];
