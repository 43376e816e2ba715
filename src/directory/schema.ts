import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { accountsSchema } from './account-kinds.js';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, '编号只能用字母、数字、-、_、.，不超过 64 个字符');
const name = z.string().trim().min(1, '不能为空').max(40, '不超过 40 个字符');

export const UNIT_TYPES = ['省直部门', '市县政府', '办公厅', '其他'] as const;

export const unitSchema = z.object({
  id,
  name,
  aliases: z.array(name).default([]),
  type: z.enum(UNIT_TYPES).default('省直部门'),
  /** Default responsible person (经办人) when work is assigned to the unit by name. */
  contact: id.optional(),
});

export const personSchema = z.object({
  id,
  name,
  title: z.string().max(60).default(''),
  unit: id.optional(),
  roles: z.array(z.enum(ROLES, { message: `角色须为：${ROLES.join('、')}` })).min(1, '至少要有一个角色'),
  /** Units a 分管领导 or 副秘书长 covers. */
  covers: z.array(id).default([]),
  /** For a 副秘书长: who takes over while they are absent (缺位递补). */
  substitute: id.optional(),
  /** Marked absent in the file (e.g. on long leave). */
  absent: z.boolean().default(false),
  aliases: z.array(name).default([]),
  /** One entry per platform, each declared by its platform in account-kinds.ts. */
  accounts: accountsSchema.default({}),
});

export const directoryFileSchema = z.object({
  name: z.string().default('即时通讯工作群'),
  units: z.array(unitSchema).min(1, '至少要有一个单位'),
  people: z.array(personSchema).min(1, '至少要有一个人员'),
  /** Who decides a 拟移交 (B五(一): 经政府同意); the first 主要领导 when absent. */
  handover_approver: id.optional(),
});

export type DirectoryFile = z.infer<typeof directoryFileSchema>;
export type UnitEntry = z.infer<typeof unitSchema>;
export type PersonEntry = z.infer<typeof personSchema>;
