/** Why a command was refused, where several commands refuse for the same reason. */
export const REFUSALS = {
  unknownPerson: (name: string) => `通讯录中没有「${name}」。`,
  /** `limited`: said to one whose scope is limited, for whom the item may exist outside it. */
  unknownCoordination: (code: string, limited = false) => `没有编号为 ${code} 的协调事项${limited ? '，或该事项不在您可查看的范围内' : ''}，请核对编号（如 C-0001）。`,
  noPendingExtension: (taskCode: string) => `${taskCode} 没有待审批的延期申请。`,
  /** A date the reader could not read at all (a reason from parseDeadline is used as it is). */
  notADate: (text: string) => `「${text}」不是日期。`,
  invalidDate: (text: string) => `「${text}」不是有效日期`,
} as const;
