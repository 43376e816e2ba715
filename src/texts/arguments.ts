/** What a command says when one of its arguments is missing or malformed. */
export const ARGUMENT_TEXTS = {
  taskCode: '请写明事项编号，如 D-0001',
  coordinationCode: '请写明协调事项编号，如 C-0001',
  reasonMax1000: '原因不超过 1000 字',
  reasonMax500: '理由不超过 500 字',
  percentRange: '百分比须在 0 到 100 之间',
  progressPlaceholder: '进展情况，可写百分比，如 50% 已完成初稿',
} as const;
