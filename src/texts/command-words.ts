/**
 * The words of the commands that buttons and reply hints run. Command definitions take their
 * names from here and buttons are built from the same entries (src/render/command-button.ts),
 * so a renamed command cannot leave a button that runs nothing.
 */
export const COMMAND_WORDS = {
  acknowledge: '签收',
  progress: '进展',
  complete: '办结',
  coordinationOpinion: '协调意见',
  escalate: '升级',
  confirmBinding: '确认绑定',
  answerInfeasible: '答复',
  statePosition: '表态',
  confirmPosition: '确认表态',
  approveExtension: '批准延期',
  refuseExtension: '驳回延期',
  confirmExcuse: '确认免责',
  refuseExcuse: '不予免责',
} as const;

export type CommandWord = keyof typeof COMMAND_WORDS;
