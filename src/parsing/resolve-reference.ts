import type { Directory } from '../directory/directory.js';
import type { ResolvedMention } from '../core/command.js';
import { UserError } from '../core/errors.js';

export type Reference = { kind: 'unit'; unitId: string } | { kind: 'person'; personId: string };

export type ReferenceResult = Reference | { kind: 'unknown'; name: string; mentioned: boolean } | undefined;

/**
 * Resolves `@王芳`, `王芳`, `发改委`, `省发展改革委` to a directory unit or person. An @-token
 * that matches nobody is reported as unknown; a real mention of an unbound account is refused
 * (UserError 'unregistered') rather than taken for the directory person of that name; a bare word that matches nobody is undefined
 * (it is probably part of the text, not a reference).
 */
export function resolveReference(token: string, mentions: readonly ResolvedMention[], directory: Directory): ReferenceResult {
  const mentioned = /^[@＠]/.test(token);
  const name = token.replace(/^[@＠]/, '').trim();
  if (!name) return undefined;
  if (mentioned) {
    const m = mentions.find((x) => x.name === name && x.personId);
    if (m?.personId) return { kind: 'person', personId: m.personId };
    // A real @mention is an account: one bound to nobody is not re-resolved by its shown name.
    const unbound = mentions.find((x) => x.name === name && x.unregistered);
    if (unbound) {
      throw new UserError('unregistered', `「@${name}」的账号尚未登记（未绑定通讯录人员），不按显示名认定为通讯录中的人。请管理员发送「绑定 ${unbound.accountId ?? ''} 通讯录姓名」后再提及。`, false);
    }
  }
  const unit = directory.findUnit(name);
  if (unit) return { kind: 'unit', unitId: unit.id };
  const person = directory.findPerson(name);
  if (person) return { kind: 'person', personId: person.id };
  return mentioned ? { kind: 'unknown', name, mentioned } : undefined;
}

/** Words that make a short unknown word look like a unit name (财政部, 商务局, 东山县). */
export const UNIT_SUFFIX = /(厅|委|局|办|署|院|部|市|县|区|州|盟|旗|政府|中心|公司|集团)$/;

/** Ordinary words that end like a unit name but are not one (用地布局, 督办, 园区 …). */
const NOT_A_UNIT =
  /(布局|格局|结局|开局|大局|全局|当局|开办|举办|创办|督办|承办|主办|协办|交办|申办|代办|包办|干部|内部|全部|局部|外部|总部|东部|西部|南部|北部|中部|学院|医院|法院|庭院|城市|都市|超市|上市|夜市|街区|园区|社区|景区|小区|城区|片区|郊区|山区|辖区|地区|中心)$/;

/** A short word that reads like the name of a unit that is not in the directory. */
export function looksLikeUnitName(word: string): boolean {
  return word.length >= 2 && word.length <= 10 && UNIT_SUFFIX.test(word) && !NOT_A_UNIT.test(word) && !/[的了和与及做抓推研调整建设制定完善落实]/.test(word);
}
