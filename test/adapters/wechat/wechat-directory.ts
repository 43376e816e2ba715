import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { DEMO_DIRECTORY_PATH, parseDirectory } from '../../../src/directory/load-directory.js';
import type { Directory } from '../../../src/directory/directory.js';

/** The demo directory with WeChat (and Lark) accounts: by id, by 备注, by 昵称. */
export function wechatDirectory(accounts: Record<string, Record<string, unknown>> = DEFAULT_ACCOUNTS): Directory {
  const doc = parse(readFileSync(DEMO_DIRECTORY_PATH, 'utf8')) as { people: Array<{ id: string; accounts?: unknown }> };
  for (const p of doc.people) if (accounts[p.id]) p.accounts = accounts[p.id];
  return parseDirectory(stringify(doc), 'wechat-test-directory');
}

export const DEFAULT_ACCOUNTS: Record<string, Record<string, unknown>> = {
  'chen-liqun': { wechat: 'wxid_chen' },
  'wang-fang': { wechat: { alias: '发改委王芳' }, lark: 'ou_wangfang' },
  'li-ming': { wechat: { id: 'wxid_liming' } },
  'qian-min': { wechat: { name: '钱敏' } },
  'sun-li': { wechat: { id: 'wxid_sunli' } },
};
