import type { CommandInput, ParseContext } from '../core/command.js';
import type { Part } from './split-parts.js';
import { resolveReference } from './resolve-reference.js';

const ROLE_WORD = /^(牵头|配合|协办)(单位)?$/;

/**
 * A role word written apart from its unit (生态环境厅 牵头 住建厅 配合, 牵头 发改委 配合 财政厅)
 * joins the unit it belongs to. The first one says which way the text is written: after the first
 * unit, each role word follows its unit; at the very start, each precedes it.
 */
export function attachRoleWords(parts: Part[], input: Pick<CommandInput, 'mentions'>, ctx: Pick<ParseContext, 'directory'>): Part[] {
  const first = parts.findIndex((p) => ROLE_WORD.test(p.text));
  if (first < 0) return parts;
  const isRef = (p: Part | undefined) => {
    const ref = p ? resolveReference(p.text.replace(/^由/, ''), input.mentions, ctx.directory) : undefined;
    return ref !== undefined && ref.kind !== 'unknown';
  };
  const before = first > 0;
  const out: Part[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Part;
    const word = ROLE_WORD.exec(p.text)?.[1];
    const prev = out.at(-1);
    const next = parts[i + 1];
    if (word && before && isRef(prev) && prev) {
      out[out.length - 1] = { ...prev, text: `${prev.text}${word}` };
      continue;
    }
    if (word && !before && isRef(next) && next) {
      out.push({ ...next, sep: p.sep, text: `${word}${next.text}` });
      i++;
      continue;
    }
    out.push(p);
  }
  return out;
}
