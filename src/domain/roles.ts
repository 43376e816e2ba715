/** The roles of the directory (组织通讯录), as administrators write them in the file. */
export const ROLES = [
  '主要领导',
  '分管领导',
  '秘书长',
  '副秘书长',
  '督查室',
  '单位主要负责人',
  '经办人',
  '管理员',
  /** B二(五): the unit's deputy in charge of carrying out and chasing its supervised work. */
  '分管负责人',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that may assign work and see every task's state (leaders and the office). */
export const ASSIGNER_ROLES: readonly Role[] = ['主要领导', '分管领导', '秘书长', '副秘书长', '督查室'];

/** Roles that see the whole ledger regardless of unit. */
export const SEE_ALL_ROLES: readonly Role[] = ['主要领导', '秘书长', '督查室', '管理员'];

/** Roles that may see per-unit tallies and rankings. */
export const TALLY_ROLES: readonly Role[] = ['主要领导', '分管领导', '秘书长', '副秘书长', '督查室', '管理员', '单位主要负责人'];

export function describeRoles(roles: readonly Role[]): string {
  return roles.join('、');
}
