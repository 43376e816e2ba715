import type { Reply, ReplyField } from '../core/reply.js';

/** Where the whole of a summarized reply can be read. */
function pointer(reply: Reply): string {
  return reply.ref?.kind === 'task' ? `发「查询 ${reply.ref.code}」查看全部` : '发「查询」查看全部';
}

/**
 * A reply too large for one card, shortened: beyond `keep` units (repeated fields such as
 * 配合 × 499, items of a `；`-separated list, item lines, extra mentions) the rest is counted,
 * not shown, with a pointer to `查询` where the whole can be read. Nothing is reworded: what is
 * shown is exactly what the full reply says.
 */
export function summarizeReply(reply: Reply, keep: number): Reply {
  const more = pointer(reply);
  const fields: ReplyField[] = [];
  const byLabel = new Map<string, number>();
  const dropped = new Map<string, number>();
  for (const f of reply.fields ?? []) {
    const seen = (byLabel.get(f.label) ?? 0) + 1;
    byLabel.set(f.label, seen);
    if (seen > keep) {
      dropped.set(f.label, (dropped.get(f.label) ?? 0) + 1);
      continue;
    }
    const items = f.value.split('；');
    fields.push(items.length > keep ? { ...f, value: `${items.slice(0, keep).join('；')}；…… 另有 ${items.length - keep} 个，${more}` } : f);
    // The count of the dropped fields goes right after the last one kept under that label.
    if (seen === keep) fields.push({ label: f.label, value: '' });
  }
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f && f.value === '') {
      const n = dropped.get(f.label);
      if (n) fields[i] = { label: f.label, value: `…… 另有 ${n} 个，${more}` };
      else fields.splice(i--, 1);
    }
  }
  const lines = reply.lines && reply.lines.length > keep ? [...reply.lines.slice(0, keep), `…… 另有 ${reply.lines.length - keep} 行，${more}`] : reply.lines;
  const out: Reply = { ...reply, fields: reply.fields ? fields : undefined, lines };
  if (reply.mentions && reply.mentions.length > keep) out.mentions = reply.mentions.slice(0, keep);
  if (!reply.fields) delete out.fields;
  if (!reply.lines) delete out.lines;
  return out;
}
