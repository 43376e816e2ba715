import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.js';
import { mention } from '../../../src/core/reply.js';
import { actionHint, pieceLength, renderWechatMessages, type Piece } from '../../../src/adapters/wechat/wechat-text.js';

const names: Record<string, string> = { 'wang-fang': '王芳', 'li-ming': '李明' };
const nameOf = (id: string) => names[id] ?? id;
const plain = (pieces: Piece[]) => pieces.map((p) => ('text' in p ? p.text : `@${p.name}`)).join('');
const length = (pieces: Piece[]) => pieces.reduce((n, p) => n + pieceLength(p), 0);

describe('WeChat text', () => {
  it('ends an actionable reply with the exact command to type: with / in a room, bare one-to-one', () => {
    const reply: Reply = {
      tone: 'success',
      title: '已交办 D-0012',
      fields: [{ label: '牵头', value: `省发展改革委（${mention('wang-fang')}）` }],
      actions: [
        { label: '签收', command: '签收 D-0012' },
        { label: '办结', command: '办结 D-0012', input: { placeholder: '办理结果', required: true } },
      ],
    };
    const [room] = renderWechatMessages(reply, { nameOf, inRoom: true });
    expect(room).toEqual([{ text: '已交办 D-0012\n牵头：省发展改革委（' }, { personId: 'wang-fang', name: '王芳' }, { text: '）\n回复「/签收 D-0012」；回复「/办结 D-0012 办理结果」' }]);
    const [direct] = renderWechatMessages(reply, { nameOf, inRoom: false });
    expect(plain(direct ?? [])).toMatch(/回复「签收 D-0012」；回复「办结 D-0012 办理结果」$/);
    expect(actionHint('进展 D-0001', true, { placeholder: '进展情况，可写百分比' })).toBe('回复「/进展 D-0001 进展情况」');
  });

  it('keeps a reply under the limit in one message', () => {
    const reply: Reply = { tone: 'info', title: '标题', lines: ['一'.repeat(90)] };
    expect(renderWechatMessages(reply, { nameOf, inRoom: true, limit: 100 })).toHaveLength(1);
  });

  it('splits a long reply at line breaks, numbers the parts and keeps every line and mention', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${String(i + 1).padStart(2, '0')}. D-${1000 + i} 制定实施方案 ${mention(i % 2 ? 'wang-fang' : 'li-ming')} 办理中`);
    const reply: Reply = { tone: 'info', title: '在办事项：40 件', lines, actions: [{ label: '查询', command: '查询 逾期' }] };
    const parts = renderWechatMessages(reply, { nameOf, inRoom: true, limit: 300 });
    expect(parts.length).toBeGreaterThan(3);
    for (const [i, p] of parts.entries()) {
      expect(length(p)).toBeLessThanOrEqual(300);
      expect(plain(p).endsWith(`（${i + 1}/${parts.length}）`)).toBe(true);
    }
    const body = parts.map((p) => plain(p).replace(/\n（\d+\/\d+）$/, '')).join('\n');
    expect(body.split('\n')).toEqual(['在办事项：40 件', ...lines.map((l, i) => l.replace(/\{\{@[a-z-]+\}\}/, `@${i % 2 ? '王芳' : '李明'}`)), '回复「/查询 逾期」']);
    expect(parts.flat().filter((p) => 'personId' in p)).toHaveLength(40);
  });

  it('cuts a single overlong line after punctuation, never inside a mention', () => {
    const sentence = `第一句话说明情况，${mention('wang-fang')}负责落实；`;
    const reply: Reply = { tone: 'info', title: sentence.repeat(30) };
    const parts = renderWechatMessages(reply, { nameOf, inRoom: true, limit: 120 });
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(length(p)).toBeLessThanOrEqual(120);
    const joined = parts.map((p) => plain(p).replace(/\n（\d+\/\d+）$/, '')).join('');
    expect(joined).toBe(`第一句话说明情况，@王芳负责落实；`.repeat(30));
    expect(parts.slice(0, -1).every((p) => /[，；]$/.test(plain(p).replace(/\n（\d+\/\d+）$/, '')))).toBe(true);
  });
});
