import { afterEach, describe, expect, it } from 'vitest';
import { cardEvent, messageEvent } from './fake-lark.js';
import { larkWorld, ou, type LarkWorld } from './lark-world.js';

let w: LarkWorld;
afterEach(() => w.close());

const bot = { key: '@_user_1', name: '督办助手', openId: 'ou_bot' };

describe('飞书 long connection (WSClient against a local endpoint)', () => {
  it('receives messages and card callbacks over the long connection and acknowledges them', async () => {
    w = await larkWorld({ mode: 'ws' });
    await w.fake.connected();
    expect(w.fake.requests).toContain('POST /callback/ws/endpoint');
    const ack = await w.fake.pushOverWs(messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [bot] }));
    expect(ack.code).toBe(200);
    await w.settle();
    expect(JSON.parse(w.fake.sent[0]?.content ?? '{}').header.title.content).toBe('已交办 D-0001');
    const cardAck = await w.fake.pushOverWs(cardEvent({ operator: ou('wang-fang'), command: '签收 D-0001', messageId: w.fake.sent[0]?.messageId }));
    const response = JSON.parse(Buffer.from(cardAck.data ?? '', 'base64').toString('utf8')) as { toast: { content: string }; card: unknown };
    expect(response.toast.content).toBe('签收成功（1 项）');
    expect(JSON.stringify(response.card)).toContain('已签收 · 王芳');
    await w.settle();
    expect(w.fake.sent).toHaveLength(2);
  });
});
