import type { SourceKind } from '../domain/sources.js';

/** The fixed words of questions about the ledger: statuses, negation, relations, forms, ranking and fillers. */

export type Status = 'done' | 'ack' | 'overdue' | 'due' | 'due_soon' | 'assigned' | 'open' | 'paused';
export type Relation = 'assigned_by' | 'responsible' | 'lead' | 'co';
export type Form = 'count' | 'list' | 'yes_no' | 'longest';
export type Rank = 'worst' | 'best' | 'most' | 'least' | 'position';

/** A vocabulary entry: what a word means. */
export type WordMeaning =
  | { kind: 'status'; status: Status; negated?: boolean; weak?: boolean; impliesOpen?: boolean }
  | { kind: 'neg' }
  /** 办, 落实: means 未办结 when negated, nothing otherwise. */
  | { kind: 'verb' }
  | { kind: 'relation'; relation: Relation; impliesOpen?: boolean }
  | { kind: 'form'; form: Form }
  | { kind: 'rank'; rank: Rank }
  | { kind: 'who' }
  | { kind: 'all_quantifier' }
  /** `covered`: 我分管的单位, 我联系的单位: all the asker may see, said as the units he covers (a ranking is then among them). */
  | { kind: 'all'; covered?: boolean }
  | { kind: 'me' }
  | { kind: 'my_unit' }
  | { kind: 'tally' }
  | { kind: 'help' }
  | { kind: 'ontime' }
  | { kind: 'key' }
  /** 紧急: work marked urgent on 交办 (即收即办). */
  | { kind: 'urgent' }
  /** 延期了: work whose deadline was extended (an approved 延期). */
  | { kind: 'extended' }
  /** 复核不实、退回重办 (false): work returned after a failed 复核; 复核属实 (true): completions the office verified. */
  | { kind: 'verification'; result: 'true' | 'false' }
  /** 拟移交: work chased three times that reached the 拟移交 list (B五(一)), decided or not. */
  | { kind: 'referral' }
  /** 部署了没有: the 布置落实 of a 上级文件, which the lists do not filter by; said so, never taken for a unit's name (…部). */
  | { kind: 'deployment' }
  /** 被告诫, 效能告诫: the register of 效能告诫 (L四(五)), of a year and a unit. */
  | { kind: 'warning' }
  /** 谁在请假, 郑晓东在不在: who is away (请假 registered) on a day. */
  | { kind: 'absence' }
  /** 今天有什么新进展, 发改委本周报了哪些进展: the reports made in a period. */
  | { kind: 'activity' }
  /** 申请延期的, 难以执行的: work with a request of that kind waiting for its answer. */
  | { kind: 'pending_request'; request: 'extension' | 'infeasible' }
  | { kind: 'question' }
  /** 为什么: a reason asked for, which the ledger can show (progress, explanations) but the bot never judges. */
  | { kind: 'why' }
  /** 被催办了几次: the chases counted, which the tally's figures give. */
  | { kind: 'chase' }
  /** 这几天, 近期: a time the reader cannot bound; said so, never read as 几 (a count) nor dropped. */
  | { kind: 'vague_time' }
  /** 率 (办结率 reads 办结 + 率), 占比: a rate, which the reader does not compute (its base is a choice); the count is answered and the rate named as not. */
  | { kind: 'rate' }
  /** 协调, 待协调: coordination items (C-…), not tasks. */
  | { kind: 'coordination'; agreed?: boolean }
  /** 人大建议, 政协提案, 领导批示: work of one source (来源). */
  | { kind: 'source'; source: SourceKind }
  | { kind: 'filler' };

const words = (list: string, meaning: WordMeaning): Array<[string, WordMeaning]> =>
  list
    .split(' ')
    .filter(Boolean)
    .map((w) => [w, meaning]);

/** Every word the reader knows besides names, dates and codes. */
export const VOCABULARY: ReadonlyArray<[string, WordMeaning]> = [
  ...words('办结 办完 办好 完成 完结 结办 销号 办妥 完成情况 办结情况', { kind: 'status', status: 'done' }),
  ...words('签收 接收 认领 收到 领办', { kind: 'status', status: 'ack' }),
  ...words('待签收 待认领', { kind: 'status', status: 'ack', negated: true }),
  ...words('逾期 超期 过期 超时 拖期 延误 误期 过了期限 超过期限 超过时限', { kind: 'status', status: 'overdue' }),
  ...words('到期 截止 期限到 要办结 须办结 需办结 应办结 要完成 须完成 需完成 应完成 要办完 该办结 应当办结', { kind: 'status', status: 'due' }),
  ...words('快到期 即将到期 临期 马上到期 将到期 快截止 快要到期 就要到期 临近期限 临近截止', { kind: 'status', status: 'due_soon' }),
  ...words('交办 新增 布置 下达 派发 分配 安排 交给 交办了', { kind: 'status', status: 'assigned' }),
  ...words('在办 办理中 正在办 正在办理 在手 待办 要办 要办的 需要办 需办', { kind: 'status', status: 'open' }),
  ...words('到期未办结 到期未完成 到期没办完 到期未办 逾期几天 逾期了几天 超期几天 超期了几天', { kind: 'status', status: 'overdue' }),
  ...words('办 办理 落实 处理 执行 去办', { kind: 'verb' }),
  ...words('还有 还剩 剩下 剩余 尚有', { kind: 'status', status: 'open', weak: true }),
  ...words('暂缓 暂缓执行', { kind: 'status', status: 'paused' }),
  ...words('没人 没有人 无人 还没人 还没有人 尚无人 没有 没 未 尚未 还没有 还没 还未 并未 未能 没能 仍未 仍没有 迄今未 至今未 不曾 未曾 不 不是 非 除了 除去 除 不包括 不含 排除 以外 之外', {
    kind: 'neg',
  }),
  ...words('负责 承办 经办 名下 责任人 具体负责', { kind: 'relation', relation: 'responsible' }),
  ...words('手上 手头 手里 手中', { kind: 'relation', relation: 'responsible', impliesOpen: true }),
  ...words('牵头 主办 牵头办理', { kind: 'relation', relation: 'lead' }),
  ...words('配合 协办 参与 配合办理', { kind: 'relation', relation: 'co' }),
  ...words('交办给别人 布置给别人', { kind: 'relation', relation: 'assigned_by' }),
  ...words('几件 几项 几个 几条 几 多少 多少件 多少项 数量 总数 件数 一共 总共 共有', { kind: 'form', form: 'count' }),
  ...words('哪些 哪几件 哪几项 哪件 哪项 什么事 什么 清单 列出 列一下 列表 明细 具体 有啥 啥事 名单', { kind: 'form', form: 'list' }),
  ...words('有没有 还有没有 有无 是否 是不是', { kind: 'form', form: 'yes_no' }),
  // 逾期了多少天: the list says each item's days overdue. (几天 alone is often a time: 这几天.)
  ...words('多少天 多久 多长时间', { kind: 'form', form: 'list' }),
  ...words('最久 最长 拖得最久 拖得最长 时间最长 最早到期', { kind: 'form', form: 'longest' }),
  ...words('最差 最落后 最后 最末 垫底 末位 倒数第一 排最后 排名最后 排名末位 排名靠后 排在最后 最后一名 最靠后 最不好', { kind: 'rank', rank: 'worst' }),
  ...words('最好 最优 第一 排第一 排名第一 最靠前 最先进 排名最前 第一名 最积极', { kind: 'rank', rank: 'best' }),
  ...words('最多', { kind: 'rank', rank: 'most' }),
  ...words('最少', { kind: 'rank', rank: 'least' }),
  ...words('排第几 排名第几 第几名 排在第几 排几名 名次', { kind: 'rank', rank: 'position' }),
  ...words('谁 哪个单位 哪家单位 哪家 哪个部门 哪个市 哪些单位 哪个地方 哪一个单位 哪一家', { kind: 'who' }),
  ...words('都 全都 全部 均 是不是都 是否都 全', { kind: 'all_quantifier' }),
  // For a 分管领导 "all" is already the units they cover (their scope): 我分管的单位 reads as that.
  ...words('全省 全市 所有 全体 总体 整体 各方面', { kind: 'all' }),
  ...words('我分管的单位 我分管的 我分管 分管的单位 分管单位 我联系的单位 我联系的 联系的单位 我负责的单位 我们分管的', { kind: 'all', covered: true }),
  ...words('我 我的 本人 我自己 自己', { kind: 'me' }),
  ...words('我单位 我们单位 本单位 我们 我们的 咱们单位 我部门 本部门 我市 本市 我厅 本厅 我委 本委', { kind: 'my_unit' }),
  ...words('各单位 各部门 各市 各地 各市县 排名 排行 排名情况 通报 周通报 月通报 季通报 周报 月报 统计情况 汇总 各家', { kind: 'tally' }),
  ...words('帮助 能问什么 问什么 怎么问 可以问 怎么用 能查什么 查什么', { kind: 'help' }),
  ...words('按时 按期 如期 准时 及时', { kind: 'ontime' }),
  ...words('重点 重点事项 重点工作 重点任务', { kind: 'key' }),
  ...words('紧急 紧急事项 紧急件 急件 加急 紧急任务', { kind: 'urgent' }),
  ...words('退回重办 被退回重办 被退回 退回 重办 复核不实 核查不实 不实', { kind: 'verification', result: 'false' }),
  ...words('复核属实 已复核 核实属实 经复核属实', { kind: 'verification', result: 'true' }),
  ...words('效能告诫 告诫 被告诫 告诫了 被效能告诫 告诫过 被告诫过 被告诫了 受到告诫 受过告诫 告诫台账', { kind: 'warning' }),
  ...words('部署 部署了 部署情况 布置落实 落实部署 部署落实', { kind: 'deployment' }),
  ...words('拟移交 拟移交名单 列入拟移交名单 移交名单 移交纪检监察 移交纪检监察机关 拟移交的', { kind: 'referral' }),
  ...words('延期 延期了 延期过 延过期 批准延期 已延期 延长时限 延长了时限 调整时限', { kind: 'extended' }),
  ...words(
    '新进展 新的进展 最新进展 新情况 新动态 动态 报了进展 报送了进展 报了哪些进展 报了什么进展 报送进展 报了什么 有什么进展 有哪些进展 哪些进展 有进展 有没有进展 有新进展 有没有新进展 进展动态 工作动态',
    { kind: 'activity' },
  ),
  ...words('请假 请假了 请了假 请过假 请假过 休假 休过假 出差 外出 缺位 不在岗 在岗 在不在 在岗吗 请假的 代行 谁代行 代行的 代理', { kind: 'absence' }),
  ...words('申请延期 申请了延期 延期申请 待批延期 待审批延期 申请延期了', { kind: 'pending_request', request: 'extension' }),
  ...words('难以执行 无法执行 执行困难 反馈难以执行 报了难以执行', { kind: 'pending_request', request: 'infeasible' }),
  ...words('吗 么', { kind: 'question' }),
  // The sources' names as a question says them; not the generic aliases (文件, 建议, 交办事项).
  ...words('上级文件 重大决策部署 决策部署', { kind: 'source', source: 'superior_document' }),
  ...words('会议决定事项 会议决定 会议议定事项 常务会议 专题会议 办公会 办公会议 常务会 专题会 调度会 会议定的 会议交办', { kind: 'source', source: 'meeting' }),
  ...words('领导批示 批示 批示件', { kind: 'source', source: 'instruction' }),
  ...words('人大建议 人大代表建议 代表建议', { kind: 'source', source: 'npc_suggestion' }),
  ...words('人大议案 议案', { kind: 'source', source: 'npc_motion' }),
  ...words('政协提案 提案 政协委员提案', { kind: 'source', source: 'cppcc_proposal' }),
  ...words('领导调研明确事项 领导调研 调研事项', { kind: 'source', source: 'leader_research' }),
  ...words('网民留言 网友留言 留言 领导留言板', { kind: 'source', source: 'citizen_message' }),
  ...words('率 比例 比率 占比 百分比 百分之几 几成', { kind: 'rate' }),
  ...words('这几天 近几天 最近几天 前几天 这两天 近两天 这阵子 近期 前段时间 最近', { kind: 'vague_time' }),
  ...words('协调 协调事项 待协调 提请协调 在协调 正在协调 协调中', { kind: 'coordination' }),
  ...words('协调一致 已协调一致 协调完成 已协调完成 协调好', { kind: 'coordination', agreed: true }),
  ...words('催办 被催办 催了 催过 催办次数 被催了 催办了', { kind: 'chase' }),
  ...words('几次 多少次', { kind: 'form', form: 'count' }),
  ...words('为什么 为何 为啥 怎么还 咋还 什么原因 啥原因 原因', { kind: 'why' }),
  ...words(
    '请问 请 问 问一下 一下 帮我 帮忙 给我 麻烦 查 查查 查一查 查一下 查询 查看 看看 看一下 看 了解 想知道 想了解 告诉我 说说 说一下 报一下 ' +
      '这么 那么 这么多 那么多 这么久 那么久 这么慢 ' +
      '呢 吧 啊 呀 哈 嘛 的 了 有 还 是 在 目前 现在 当前 截至目前 到现在 到目前 为止 现 已 已经 情况 怎么样 怎样 如何 咋样 进展 进度 状态 ' +
      '事项 事情 事 件 项 任务 工作 督办 督办事项 那些 这些 其中 里 中 和 与 及 以及 的话 个 单位 部门 多 被 把 要 给 按 按照 会 能 可 ' +
      '可以 应该 需要 哪 些 下 大家 同志 领导 里面 方面 这边 那边 内 等 又 再 共 总 一 该 此 这 那 条 桩 批 哪个 哪一 之 ' +
      '表现 干得 做得 办得 概况 省里 这个 那个 情况如何 什么情况 怎么回事 进行 现况 状况 还在 仍 仍在 依然 有关 相关 涉及 啦 咯 喔 列出来 出来 来 以来 至今 新 新的 阶段 这个阶段 得 项目 事儿',
    { kind: 'filler' },
  ),
];

/** A name that ends like a unit's (教育厅, 发改局, 某某市政府): said to be missing from the directory, never dropped. */
export const UNIT_SUFFIX = /(?:委员会|委|厅|局|办公室|办|市|县|区|州|部|院|署|中心|政府|公司|集团|所|站|处|科|镇|乡|街道|馆|队|台|社|会)$/;

/** Common surnames: a short unknown word starting with one of these, in a person's slot, is taken for a name. */
export const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  ),
);
