/**
 * Questions in the words officials use, each with its expected reading (see reading-summary.ts),
 * read against the demo directory on Monday 2026-12-07. Add every question that was misread.
 */
const WEEK = '2026-12-07..2026-12-13';
const NEXT_WEEK = '2026-12-14..2026-12-20';
const LAST_WEEK = '2026-11-30..2026-12-06';
const MONTH = '2026-12-01..2026-12-31';
const LAST_MONTH = '2026-11-01..2026-11-30';
const YEAR = '2026-01-01..2026-12-31';

export const CORPUS: ReadonlyArray<readonly [string, string]> = [
  // A unit's unfinished work: the negation is read, never its positive.
  ['海州还有几件没办完？', 'unit:hz open form:count'],
  ['海州市还有多少事项没有办结', 'unit:hz open form:count'],
  ['请问一下海州还有几件没完成呢', 'unit:hz open form:count'],
  ['海州尚未办结的有几件', 'unit:hz open form:count'],
  ['海州還有幾件沒辦完？', 'unit:hz open form:count'],
  ['海州 未办结', 'unit:hz open form:list'],
  ['海洲市还有几件没办完', 'unit:hz open form:count typo:海洲市'],
  ['海州市政府还没办结的事项有哪些', 'unit:hz open form:list'],
  ['海州还有哪些事没落实', 'unit:hz open form:list'],
  ['海州在办的有几件', 'unit:hz open form:count'],
  ['海州办完了几件', 'unit:hz done form:count'],
  ['海州已经办结的有哪些', 'unit:hz done form:list'],
  ['海州的事都办完了吗', 'unit:hz form:all_done'],
  ['海州是不是都办结了', 'unit:hz form:all_done'],
  ['海州的事项都完成了吗？', 'unit:hz form:all_done'],
  ['南岭市本周到期的都办完了吗', 'unit:nl deadline:2026-12-07..2026-12-13 form:all_done'],

  // A unit's overdue work.
  ['发改委还有几件逾期？', 'unit:fgw overdue form:count'],
  ['请问，发改委还有几件逾期？', 'unit:fgw overdue form:count'],
  ['发改委有没有逾期的', 'unit:fgw overdue form:yes_no'],
  ['发改委逾期的有哪些', 'unit:fgw overdue form:list'],
  ['省发改委超期事项有多少', 'unit:fgw overdue form:count'],
  ['发展改革委有几件过期了', 'unit:fgw overdue form:count'],
  ['發改委還有幾件逾期', 'unit:fgw overdue form:count'],
  ['发该委还有几件逾期', 'unit:fgw overdue form:count typo:发该委'],
  ['发改委 逾期', 'unit:fgw overdue form:list'],
  ['发改委还有逾期的吗', 'unit:fgw overdue form:yes_no'],
  ['发改委没有逾期的在办事项有几件', 'unit:fgw open not_overdue form:count'],
  ['财政厅逾期的事情有几件呢', 'unit:czt overdue form:count'],
  ['财正厅有几件逾期', 'unit:czt overdue form:count typo:财正厅'],
  ['自然资源厅还有几件逾期？', 'unit:zrzyt overdue form:count'],
  ['住建厅超时的有哪些', 'unit:zjt overdue form:list'],
  ['住健厅超期了几件', 'unit:zjt overdue form:count typo:住健厅'],
  ['交通厅拖期的事项', 'unit:jtt overdue form:list'],
  ['生态环境厅有没有延误的', 'unit:sthjt overdue form:yes_no'],
  ['江城到期未办结的有几件', 'unit:jc overdue form:count'],
  ['江城市逾期情况', 'unit:jc overdue form:list'],
  ['办公厅有几件逾期', 'unit:bgt overdue form:count'],

  // Not signed for.
  ['哪些事项还没签收', 'all unacked form:list'],
  ['未签收的有几件', 'all unacked form:count'],
  ['待签收的事项', 'all unacked form:list'],
  ['还有谁没签收', 'all unacked form:list'],
  ['财政厅有没有没签收的', 'unit:czt unacked form:yes_no'],
  ['财正厅还有几件未签收', 'unit:czt unacked form:count typo:财正厅'],
  ['交通厅还有没签收的吗', 'unit:jtt unacked form:yes_no'],
  ['帮我看看南岭还有没有没签收的呢？', 'unit:nl unacked form:yes_no'],
  ['尚未签收的事项有多少', 'all unacked form:count'],
  ['已签收的有几件', 'all acked form:count'],
  ['查询 未签收', 'all unacked form:list'],

  // Due dates.
  ['本周到期的有哪些', `all deadline:${WEEK} form:list`],
  ['这周要到期的事项', `all deadline:${WEEK} form:list`],
  ['本周到期', `all deadline:${WEEK} form:list`],
  ['到期的有哪些', `all deadline:${WEEK} form:list`],
  ['下周到期的有几件', `all deadline:${NEXT_WEEK} form:count`],
  ['下个星期到期的事项有哪些', `all deadline:${NEXT_WEEK} form:list`],
  ['明天到期的有哪些', 'all deadline:2026-12-08..2026-12-08 form:list'],
  ['后天到期的', 'all deadline:2026-12-09..2026-12-09 form:list'],
  ['今天到期的有几件', 'all deadline:2026-12-07..2026-12-07 form:count'],
  ['本月底前到期的有哪些', 'all deadline:..2026-12-31 form:list'],
  ['截止12月15日前到期的有哪些', 'all deadline:..2026-12-15 form:list'],
  ['12月20日之前要办结的有哪些', 'all deadline:..2026-12-20 form:list'],
  ['3天内到期的', 'all deadline:2026-12-07..2026-12-10 form:list'],
  ['快到期的有哪些', 'all due_soon form:list'],
  ['即将到期的事项有几件', 'all due_soon form:count'],
  ['马上到期的还有哪些没签收', 'all unacked due_soon form:list'],
  ['12月到期的有几件', `all deadline:${MONTH} form:count`],
  ['本月到期的还有几件没办完', `all open deadline:${MONTH} form:count`],
  ['財政廳本週到期的有哪些', `unit:czt deadline:${WEEK} form:list`],
  ['麻烦查一下财政厅本周到期的事项。', `unit:czt deadline:${WEEK} form:list`],

  // Assigned in a period.
  ['本周交办了多少件？', `all assigned:${WEEK} form:count`],
  ['这周新增了几件', `all assigned:${WEEK} form:count`],
  ['上周交办了哪些', `all assigned:${LAST_WEEK} form:list`],
  ['本月交办的事项有多少', `all assigned:${MONTH} form:count`],
  ['12月交办了几件', `all assigned:${MONTH} form:count`],
  ['今年一共交办了多少件', `all assigned:${YEAR} form:count`],
  ['最近7天交办了几件', 'all assigned:2026-12-01..2026-12-07 form:count'],
  ['最近三天新增的事项', 'all assigned:2026-12-05..2026-12-07 form:list'],
  ['上个月布置了多少件', `all assigned:${LAST_MONTH} form:count`],
  ['发改委本月交办了几件', `unit:fgw assigned:${MONTH} form:count`],
  ['今天交办的有哪些', 'all assigned:2026-12-07..2026-12-07 form:list'],

  // Completed.
  ['本月办结了多少件', `all done completed:${MONTH} form:count`],
  ['上月办完了几件', `all done completed:${LAST_MONTH} form:count`],
  ['本周完成了哪些', `all done completed:${WEEK} form:list`],
  ['逾期办结的有哪些', 'all done overdue form:list'],
  ['本月逾期办结的有几件', `all done overdue completed:${MONTH} form:count`],
  ['按时办结的有几件', 'all done not_overdue form:count'],
  ['办结了多少件', 'all done form:count'],
  ['今年办结的有几件', `all done completed:${YEAR} form:count`],
  ['查询 本月 办结', `all done completed:${MONTH} form:list`],
  ['没按时办结的有哪些', 'all open overdue form:list'],

  // A person.
  ['王芳手上有哪些事', 'person:wang-fang rel:responsible open form:list'],
  ['王芳负责的事项有几件', 'person:wang-fang rel:responsible form:count'],
  ['王芳手头还有几件', 'person:wang-fang rel:responsible open form:count'],
  ['陈立群交办的事项有哪些', 'person:chen-liqun rel:assigned_by form:list'],
  ['陈立群交办的还有几件没签收', 'person:chen-liqun rel:assigned_by unacked form:count'],
  ['陈立群本周交办了几件', `person:chen-liqun rel:assigned_by assigned:${WEEK} form:count`],
  ['林雪还有几件逾期', 'person:lin-xue overdue form:count'],
  ['@袁媛', 'person:yuan-yuan form:overview'],
  ['王芳的事怎么样了', 'person:wang-fang form:overview'],
  ['钱敏手里有没有逾期的', 'person:qian-min rel:responsible overdue form:yes_no'],
  ['陳立群交辦的事項', 'person:chen-liqun rel:assigned_by form:list'],
  ['张三负责的事项', 'unknown:张三'],
  ['李四交办的有哪些', 'unknown:李四'],

  // Me and my unit.
  ['我的事项', 'me form:overview'],
  ['我的', 'me form:overview'],
  ['我手上还有几件', 'me rel:responsible open form:count'],
  ['我交办的有哪些还没签收', 'me rel:assigned_by unacked form:list'],
  ['我交办的事项都办完了吗', 'me rel:assigned_by form:all_done'],
  ['我交辦的事項都辦完了嗎', 'me rel:assigned_by form:all_done'],
  ['我单位有几件逾期', 'my_unit overdue form:count'],
  ['我们单位还有几件没办完', 'my_unit open form:count'],
  ['本单位本周到期的有哪些', `my_unit deadline:${WEEK} form:list`],
  ['我负责的有几件逾期了', 'me rel:responsible overdue form:count'],

  // Lead and co-operating units.
  ['发改委牵头的有几件', 'unit:fgw rel:lead form:count'],
  ['发改委配合的事项有哪些', 'unit:fgw rel:co form:list'],
  ['财政厅牵头的还有几件没办完', 'unit:czt rel:lead open form:count'],

  // Ranking, from the tally.
  ['哪个单位最差', 'rank worst'],
  ['请问哪个单位最差呢？', 'rank worst'],
  ['哪個單位最差', 'rank worst'],
  ['哪个单位最好', 'rank best'],
  ['排名最后的是谁', 'rank worst'],
  ['谁逾期最多', 'rank most_overdue'],
  ['哪个单位逾期最多', 'rank most_overdue'],
  ['上月哪个单位最差', 'rank worst[上月]'],
  ['本月排名第一的是哪个单位', 'rank best[本月]'],
  ['哪家单位垫底', 'rank worst'],
  ['逾期最少的是哪个单位', 'rank best'],
  ['发改委排第几', 'rank position unit:fgw'],
  ['我单位排名第几', 'rank position'],
  ['上周排名最后的单位是哪个', 'rank worst[上周]'],

  // Tallies.
  ['上周各单位情况', 'tally[上周]'],
  ['本月各单位排名', 'tally[本月]'],
  ['各单位统计情况', 'tally'],
  ['今年各部门汇总', 'tally[2026年]'],

  // One task or coordination item.
  ['D-0003 怎么样了', 'task D-0003'],
  ['d3进展如何', 'task D-0003'],
  ['Ｄ－０００３现在什么情况', 'task D-0003'],
  ['D-0012-2 这个阶段呢', 'task D-0012-2'],
  ['C-0001 协调得怎么样', 'coord C-0001'],
  ['请问D-0005办得怎么样了？', 'task D-0005'],

  // Longest overdue.
  ['逾期最久的是哪件', 'all overdue form:longest'],
  ['拖得最久的事项', 'all overdue form:longest'],
  ['发改委逾期最久的是哪一件', 'unit:fgw overdue form:longest'],

  // Compound conditions.
  ['逾期没签收的', 'all unacked overdue form:list'],
  ['逾期还没签收的有几件', 'all unacked overdue form:count'],
  ['本周到期还没签收的', `all unacked deadline:${WEEK} form:list`],
  ['本周到期还没签收的有哪些', `all unacked deadline:${WEEK} form:list`],
  ['南岭市本周到期的还有几件没办完', `unit:nl open deadline:${WEEK} form:count`],
  ['江城下周到期未签收的', `unit:jc unacked deadline:${NEXT_WEEK} form:list`],
  ['未逾期的在办事项', 'all open not_overdue form:list'],
  ['还没办的有几件', 'all open form:count'],
  ['尚未落实的事项有哪些', 'all open form:list'],
  ['住建厅有没有没办结的', 'unit:zjt open form:yes_no'],
  ['交通厅逾期又没签收的有多少', 'unit:jtt unacked overdue form:count'],
  ['暂缓执行的有哪些', 'all paused form:list'],

  // Names not in the directory are said so.
  ['教育厅还有几件逾期', 'unknown:教育厅'],
  ['省教育厅的事项', 'unknown:省教育厅'],
  ['民政厅有几件没办完', 'unknown:民政厅'],
  ['交通局还有几件逾期', 'unknown:交通局'],
  ['@赵六 手上有什么事', 'unknown:赵六'],

  // Not understood, or only in part.
  ['今天天气不错', 'none ignored:天气不错'],
  ['你好', 'none ignored:你好'],
  ['海州的天气怎么样', 'unit:hz form:overview ignored:天气'],
  ['发改委逾期的项目资金有多少', 'unit:fgw overdue form:count ignored:资金'],

  // Help.
  ['能问什么', 'help'],
  ['怎么问', 'help'],

  // The whole province.
  ['全省还有几件逾期', 'all overdue form:count'],
  ['全省督办事项情况', 'all form:overview'],
  ['南嶺還有幾件逾期', 'unit:nl overdue form:count'],
];
