import type { Directory } from '../directory/directory.js';
import type { ResolvedMention } from '../core/command.js';

export type Reference = { kind: 'unit'; unitId: string } | { kind: 'person'; personId: string };

export type ReferenceResult = Reference | { kind: 'unknown'; name: string; mentioned: boolean } | undefined;

/**
 * Resolves `@王芳`, `王芳`, `发改委`, `省发展改革委` to a directory unit or person. An @-token
 * that matches nobody is reported as unknown; a bare word that matches nobody is undefined
 * (it is probably part of the text, not a reference).
 */
export function resolveReference(token: string, mentions: readonly ResolvedMention[], directory: Directory): ReferenceResult {
  const mentioned = /^[@＠]/.test(token);
  const name = token.replace(/^[@＠]/, '').trim();
  if (!name) return undefined;
  if (mentioned) {
    const m = mentions.find((x) => x.name === name && x.personId);
    if (m?.personId) return { kind: 'person', personId: m.personId };
  }
  const unit = directory.findUnit(name);
  if (unit) return { kind: 'unit', unitId: unit.id };
  const person = directory.findPerson(name);
  if (person) return { kind: 'person', personId: person.id };
  return mentioned ? { kind: 'unknown', name, mentioned } : undefined;
}

/** Words that make a short unknown word look like a unit name (财政部, 商务局, 东山县). */
export const UNIT_SUFFIX = /(厅|委|局|办|署|院|部|市|县|区|州|盟|旗|政府|中心|公司|集团)$/;
