import { z } from 'zod';
import { nameKey } from './name-key.js';

/**
 * What one platform writes under a person's `accounts:` in the directory file, and how the
 * bot reads it. Every platform declares its entry here, once: the directory schema, the file
 * checks (an account given to two people), the account index, identity (which account a
 * person has) and 绑定/停用 (the words that name the platform) all read this table, so a new
 * platform adds one entry instead of editing each of them.
 */
export interface AccountKind<S extends z.ZodTypeAny = z.ZodTypeAny, V = unknown> {
  /** Chinese name in messages: 飞书. */
  label: string;
  /** How people name the platform in 绑定/停用 (compared in lower case). */
  words: readonly string[];
  /** What the directory file may write. */
  schema: S;
  /** The value kept on the person (e.g. a bare WeChat id becomes `{ id }`). */
  read(value: z.output<S>): V;
  /** The account id bindings and lookups use; none when the file names the account without one. */
  idOf(value: V): string | undefined;
  /** How an id is compared (default: exactly). */
  lookupKey?(id: string): string;
  /** The id a person has on the platform when the file writes none (the console: their name). */
  implicitId?(person: { name: string }): string;
}

function kind<S extends z.ZodTypeAny, V>(k: AccountKind<S, V>): AccountKind<S, V> {
  return k;
}

const wechatAccount = z.union([z.string().min(1), z.object({ id: z.string().min(1).optional(), alias: z.string().min(1).optional(), name: z.string().min(1).optional() })]);

/** A WeChat account as the directory knows it: the id when known, else what a contact is matched by. */
export interface WechatAccount {
  id?: string;
  /** 备注: the remark the bot's own account set for the contact. */
  alias?: string;
  /** 昵称. */
  name?: string;
}

export const ACCOUNT_KINDS = {
  lark: kind({ label: '飞书', words: ['飞书', 'lark', 'feishu'], schema: z.string().min(1), read: (v: string) => v, idOf: (v: string) => v }),
  /** `wxid_…`, or what the bot can match a contact by: 备注 (`alias`) and 昵称 (`name`). */
  wechat: kind<typeof wechatAccount, WechatAccount>({
    label: '微信',
    words: ['微信', 'wechat'],
    schema: wechatAccount,
    read: (v) => (typeof v === 'string' ? { id: v } : v),
    idOf: (v) => v.id,
  }),
  console: kind({
    label: '控制台',
    words: ['控制台', 'console'],
    schema: z.string().min(1),
    read: (v: string) => v,
    idOf: (v: string) => v,
    lookupKey: nameKey,
    implicitId: (p) => p.name,
  }),
} as const;

export type Platform = keyof typeof ACCOUNT_KINDS;
type KindOf<P extends Platform> = (typeof ACCOUNT_KINDS)[P];

/** A person's accounts as kept on the Person. */
export type PersonAccounts = { [P in Platform]?: ReturnType<KindOf<P>['read']> };

export const PLATFORMS = Object.keys(ACCOUNT_KINDS) as Platform[];

export function isPlatform(p: string): p is Platform {
  return Object.hasOwn(ACCOUNT_KINDS, p);
}

/** The `accounts:` object of the directory file, built from every platform's schema. */
export const accountsSchema = z.object(Object.fromEntries(PLATFORMS.map((p) => [p, ACCOUNT_KINDS[p].schema.optional()])) as { [P in Platform]: z.ZodOptional<KindOf<P>['schema']> });

/** Reads a file entry's accounts into what the Person keeps. */
export function readAccounts(file: z.output<typeof accountsSchema>): PersonAccounts {
  const out: Record<string, unknown> = {};
  for (const p of PLATFORMS) {
    const v = file[p];
    if (v !== undefined) out[p] = (ACCOUNT_KINDS[p] as AccountKind).read(v);
  }
  return out as PersonAccounts;
}

/** The account id the directory file gives a person on a platform (only what the file writes). */
export function writtenAccountId(accounts: PersonAccounts, platform: string): string | undefined {
  if (!isPlatform(platform)) return undefined;
  const v = accounts[platform];
  return v === undefined ? undefined : (ACCOUNT_KINDS[platform] as AccountKind).idOf(v);
}

/** The account a person has on a platform from the file: written, or implied (the console name). */
export function fileAccountId(person: { name: string; accounts: PersonAccounts }, platform: string): string | undefined {
  if (!isPlatform(platform)) return undefined;
  return writtenAccountId(person.accounts, platform) ?? ACCOUNT_KINDS[platform].implicitId?.(person);
}

/** How an account id is compared on a platform. */
export function accountLookupKey(platform: string, id: string): string {
  return isPlatform(platform) ? (ACCOUNT_KINDS[platform].lookupKey?.(id) ?? id) : id;
}

/** The platform a word in 绑定/停用 names (飞书, lark, 微信 …). */
export function platformByWord(word: string): Platform | undefined {
  const w = word.toLowerCase();
  return PLATFORMS.find((p) => ACCOUNT_KINDS[p].words.includes(w));
}

export function platformLabel(platform: string): string {
  return isPlatform(platform) ? ACCOUNT_KINDS[platform].label : platform;
}
