/**
 * Section headings of the scheduled chases and the leaders' 专报 (one line each per task
 * under them). People script against these headings: see README「控制台输出格式」.
 */
export const CHASE_SECTIONS = {
  unitUnsignedOverOneDay: '本单位超过 1 个工作日未签收',
  unitUnsigned: '本单位未签收',
  deploymentOverdue: '部署情况逾期',
  deploymentDue: '部署情况待报',
  monthlyNoProgress: '本月未报进展',
  urgentUnsigned: '紧急事项未签收',
} as const;
