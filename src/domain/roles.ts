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

/** Leaders are told by 专报 (a one-to-one digest), never @-mentioned in group chasing (B三(三), B四(六)). */
export const LEADER_ROLES = ['主要领导', '分管领导', '秘书长'] as const;

type WithRoles = { roles: readonly string[] } | undefined;

export function hasRole(person: WithRoles, ...roles: readonly Role[]): boolean {
  return !!person && person.roles.some((r) => (roles as readonly string[]).includes(r));
}

export function isLeader(person: WithRoles): boolean {
  return hasRole(person, ...LEADER_ROLES);
}

/** The supervision office (督查室). */
export function isOffice(person: WithRoles): boolean {
  return hasRole(person, '督查室');
}

/**
 * Who oversees all supervised work on the office's side: the 督查室 and the 秘书长 who heads
 * supervision work. They answer requests, escalate and manage any task.
 */
export function oversees(person: WithRoles): boolean {
  return hasRole(person, '督查室', '秘书长');
}

/** Leaders and the office: they get the province-wide overview where a handler gets his own list. */
export function seesOverview(person: WithRoles): boolean {
  return hasRole(person, ...ASSIGNER_ROLES);
}

export function describeRoles(roles: readonly Role[]): string {
  return roles.join('、');
}
