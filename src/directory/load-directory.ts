import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { Directory } from './directory.js';
import { nameKey } from './name-key.js';
import { PLATFORMS, readAccounts, writtenAccountId } from './account-kinds.js';
import { directoryFileSchema, type DirectoryFile } from './schema.js';
import { issueMessage } from '../config/zod-message.js';
import { DirectoryCache } from './directory-cache.js';

/** A directory file that cannot be used; the message names the entry and the field. */
export class DirectoryError extends Error {}

export const DEMO_DIRECTORY_PATH = fileURLToPath(new URL('./demo-directory.yaml', import.meta.url));

/** Loads and validates a directory file (YAML or JSON); the built-in demo when no path is given. */
export function loadDirectory(path?: string): Directory {
  const file = path ?? DEMO_DIRECTORY_PATH;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DirectoryError(`通讯录文件 ${file} 无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。请检查 DUBAN_DIRECTORY 设置的路径。`);
  }
  const cached = cache.get(text);
  if (cached) return new Directory(cached);
  return parseDirectory(text, file, (data) => cache.put(text, data));
}

const cache = new DirectoryCache();

/** Validates directory text; `source` names the file in messages. */
export function parseDirectory(text: string, source = '通讯录', validated?: (data: DirectoryFile) => void): Directory {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new DirectoryError(`通讯录文件 ${source} 不是有效的 YAML/JSON：${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = directoryFileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = describePath(doc, issue?.path ?? []);
    throw new DirectoryError(`通讯录文件 ${source} 有误：${where}：${issueMessage(issue)}`);
  }
  checkReferences(parsed.data, source);
  validated?.(parsed.data);
  return new Directory(parsed.data);
}

/** `people[3]（张伟）.covers[1]` from a zod path, naming the entry by its name when it has one. */
function describePath(doc: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = doc;
  for (const key of path) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      out += `[${key}]`;
      const named = node && typeof node === 'object' ? (node as Record<string, unknown>).name : undefined;
      if (typeof named === 'string' && path.indexOf(key) === 1) out += `（${named}）`;
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
  }
  return out || '文件顶层';
}

function checkReferences(file: DirectoryFile, source: string): void {
  const fail = (where: string, message: string): never => {
    throw new DirectoryError(`通讯录文件 ${source} 有误：${where}：${message}`);
  };
  const unitIds = new Set<string>();
  const unitNames = new Map<string, string>();
  file.units.forEach((u, i) => {
    const where = `units[${i}]（${u.name}）`;
    if (unitIds.has(u.id)) fail(`${where}.id`, `编号「${u.id}」重复`);
    unitIds.add(u.id);
    for (const n of [u.name, ...u.aliases]) {
      const other = unitNames.get(nameKey(n));
      if (other !== undefined && other !== u.id) fail(`${where}.aliases`, `名称或简称「${n}」已被单位 ${other} 使用`);
      unitNames.set(nameKey(n), u.id);
    }
  });

  const personIds = new Map<string, DirectoryFile['people'][number]>();
  const personNames = new Map<string, string>();
  const accounts = new Map<string, string>();
  file.people.forEach((p, i) => {
    const where = `people[${i}]（${p.name}）`;
    if (personIds.has(p.id)) fail(`${where}.id`, `编号「${p.id}」重复`);
    personIds.set(p.id, p);
    for (const n of [p.name, ...p.aliases]) {
      const key = nameKey(n);
      const other = personNames.get(key);
      if (other !== undefined && other !== p.id) fail(`${where}.name`, `姓名或别名「${n}」与 ${other} 重复，请用别名区分（如「${n}（单位简称）」）`);
      if (unitNames.has(key)) fail(`${where}.name`, `姓名「${n}」与单位名称重复`);
      personNames.set(key, p.id);
    }
    const written = readAccounts(p.accounts);
    for (const platform of PLATFORMS) {
      const value = writtenAccountId(written, platform);
      if (!value) continue;
      const other = accounts.get(`${platform}:${value}`);
      if (other !== undefined) fail(`${where}.accounts.${platform}`, `账号「${value}」已绑定给 ${other}`);
      accounts.set(`${platform}:${value}`, p.id);
    }
  });

  file.people.forEach((p, i) => {
    const where = `people[${i}]（${p.name}）`;
    if (p.unit !== undefined && !unitIds.has(p.unit)) fail(`${where}.unit`, `未知单位「${p.unit}」`);
    const needsUnit = p.roles.filter((r) => r === '单位主要负责人' || r === '分管负责人' || r === '经办人');
    if (needsUnit.length > 0 && p.unit === undefined) fail(`${where}.unit`, `角色「${needsUnit[0]}」须写明所在单位（unit）`);
    const covering = p.roles.includes('分管领导') || p.roles.includes('副秘书长');
    if (covering && p.covers.length === 0) fail(`${where}.covers`, '分管领导、副秘书长须列出分管或联系的单位（covers）');
    if (!covering && p.covers.length > 0) fail(`${where}.covers`, '只有分管领导、副秘书长可以填写 covers');
    p.covers.forEach((c, j) => {
      if (!unitIds.has(c)) fail(`${where}.covers[${j}]`, `未知单位「${c}」`);
    });
    if (p.substitute !== undefined) {
      const sub = personIds.get(p.substitute);
      if (!p.roles.includes('副秘书长')) fail(`${where}.substitute`, '只有副秘书长需要填写递补人（substitute）');
      if (!sub) fail(`${where}.substitute`, `未知人员「${p.substitute}」`);
      else if (sub.id === p.id) fail(`${where}.substitute`, '递补人不能是本人');
      else if (!sub.roles.includes('副秘书长') && !sub.roles.includes('秘书长')) fail(`${where}.substitute`, `递补人 ${sub.name} 须为副秘书长或秘书长`);
    }
  });

  file.units.forEach((u, i) => {
    const where = `units[${i}]（${u.name}）`;
    const heads = file.people.filter((p) => p.unit === u.id && p.roles.includes('单位主要负责人'));
    if (heads.length === 0) fail(where, '没有人担任「单位主要负责人」');
    if (heads.length > 1) fail(where, `「单位主要负责人」只能有一位，现有 ${heads.map((h) => h.name).join('、')}`);
    if (u.contact !== undefined) {
      const c = personIds.get(u.contact);
      if (!c) fail(`${where}.contact`, `未知人员「${u.contact}」`);
      else if (c.unit !== u.id) fail(`${where}.contact`, `${c.name} 不属于该单位`);
    }
  });

  if (!file.people.some((p) => p.roles.includes('督查室'))) {
    fail('people', '至少要有一位「督查室」人员（负责台账、审批延期、复核办结）');
  }
}
