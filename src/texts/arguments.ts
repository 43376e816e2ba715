/** What a command says when one of its arguments is missing or malformed. */
export const ARGUMENT_TEXTS = {
  taskCode: '请写明事项编号，如 D-0001',
  coordinationCode: '请写明协调事项编号，如 C-0001',
} as const;
