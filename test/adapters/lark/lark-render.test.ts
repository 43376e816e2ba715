import { describe, expect, it } from 'vitest';
import { renderLark } from '../../../src/adapters/lark/lark-card.js';
import { classify } from '../../../src/adapters/lark/lark-sender.js';
import { mention } from '../../../src/core/reply.js';

const people = { 'wang-fang': { name: '王芳', account: 'ou_wf' }, 'li-ming': { name: '李明' } };

describe('rendering for Lark', () => {
  it('sends a one-line answer as text with real @mentions', () => {
    const r = renderLark({ tone: 'error', title: '没有编号为 D-0099 的督办事项', mentions: ['wang-fang'] }, people);
    expect(r.msgType).toBe('text');
    expect(JSON.parse(r.content).text).toBe('<at user_id="ou_wf">王芳</at> 没有编号为 D-0099 的督办事项');
  });

  it('renders structure as a schema 2.0 card: fields, lines, mentions, buttons and forms', () => {
    const r = renderLark(
      {
        tone: 'success',
        title: '已交办 D-0001',
        fields: [{ label: '牵头', value: `省发展改革委（${mention('wang-fang')}）` }],
        lines: [`请 ${mention('li-ming')} 阅知 <b>`],
        actions: [
          { label: '签收', command: '签收 D-0001', style: 'primary' },
          { label: '办结', command: '办结 D-0001', input: { placeholder: '办理结果', required: true } },
        ],
      },
      people,
    );
    expect(r.msgType).toBe('interactive');
    const card = JSON.parse(r.content) as { schema: string; config: unknown; header: { template: string }; body: { elements: Array<Record<string, unknown>> } };
    expect(card.schema).toBe('2.0');
    expect(card.config).toEqual({ update_multi: true });
    expect(card.header.template).toBe('green');
    const text = JSON.stringify(card.body.elements);
    expect(text).toContain('**牵头**：省发展改革委（<at id=ou_wf></at>）');
    expect(text).toContain('请 @李明 阅知 ＜b＞'); // unbound: plain name; user text cannot open tags
    const form = card.body.elements.find((e) => e.tag === 'form') as { elements: Array<Record<string, unknown>> };
    expect(form.elements.map((e) => e.tag)).toEqual(['input', 'button']);
    expect(form.elements[1]).toMatchObject({ form_action_type: 'submit', behaviors: [{ type: 'callback', value: { command: '办结 D-0001' } }] });
  });

  it('classifies failures: rate limits and server errors are retried, refusals are final', () => {
    const axios = (status: number, code?: number, reset?: string) => ({ response: { status, data: { code }, headers: reset ? { 'x-ogw-ratelimit-reset': reset } : {} } });
    expect(classify(axios(429, 99991400, '2'))).toMatchObject({ retryable: true, retryAfterMs: 2000 });
    expect(classify(axios(400, 230020))).toMatchObject({ retryable: true });
    expect(classify(axios(503))).toMatchObject({ retryable: true });
    expect(classify({ message: 'ECONNREFUSED' })).toMatchObject({ retryable: true });
    expect(classify(axios(400, 230002))).toMatchObject({ retryable: false }); // bot not in the chat
  });
});
