import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { SendError } from '../../src/outbox/outgoing.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { sqliteOf } from '../support/raw-sql.js';

let h: Harness;
afterEach(() => h.close());

describe('redelivery', () => {
  it('gives every event delivered three times one effect and one answer', async () => {
    h = await makeHarness();
    const script: Array<[string, string]> = [
      ['陈立群', '交办 发改委 财政厅 编制清单 12月18日'],
      ['王芳', '签收 D-0001'],
      ['钱敏', '签收 D-0001'],
      ['王芳', '进展 D-0001 30% 初稿'],
      ['王芳', '协调 D-0001 与省财政厅口径不一致'],
      ['郑晓东', '协调意见 C-0001 按财政厅口径'],
      ['王芳', '表态 C-0001 同意'],
      ['钱敏', '表态 C-0001 同意'],
      ['王芳', '延期 D-0001 至 12月25日 需补充材料'],
      ['孙丽', '批准延期 D-0001'],
      ['王芳', '办结 D-0001 清单已报送'],
      ['孙丽', '复核 D-0001 属实'],
      ['周建国', '发改委还有几件逾期？'],
      ['王芳', '交办 财政厅 越权'],
      ['孙丽', '机密 交办'],
    ];
    for (const [i, [who, text]] of script.entries()) {
      const outcomes: string[] = [];
      for (let k = 0; k < 3; k++) outcomes.push((await h.say(who, text, { messageId: `evt-${i}` })).result.outcome);
      expect(outcomes.slice(1), text).toEqual(['duplicate', 'duplicate']);
    }
    expect(h.sent).toHaveLength(script.length); // one answer each
  });
});

describe('platform faults', () => {
  it('delivers every message exactly once when 30% of sends are answered 429 or 500', async () => {
    h = await makeHarness();
    const random = seededRandom(2026);
    const accepted = new Map<number, number>();
    let failures = 0;
    h.app.dispatcher.register({
      platform: 'console',
      async send(m) {
        const r = random();
        if (r < 0.15) {
          failures += 1;
          throw new SendError('429 request trigger frequency limit', true, 1000);
        }
        if (r < 0.3) {
          failures += 1;
          throw new SendError('500 internal error', true);
        }
        accepted.set(m.id, (accepted.get(m.id) ?? 0) + 1);
        return { remoteId: `r-${m.id}` };
      },
    });
    for (let i = 0; i < 60; i++) await h.say('孙丽', `交办 发改委 故障测试${i} 12月18日`);
    // Let retries come due: the clock moves, the dispatcher runs again, until nothing is pending.
    for (let round = 0; round < 200 && (await h.app.storage.transaction((r) => r.outbox.pendingCount())) > 0; round++) {
      h.clock.advance(15_000);
      await h.app.dispatcher.kick();
    }
    const ids = (sqliteOf(h.app).prepare('SELECT id FROM outbox ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
    expect(ids).toHaveLength(60);
    expect([...accepted.keys()].sort((a, b) => a - b)).toEqual(ids);
    expect([...accepted.values()].every((n) => n === 1)).toBe(true);
    expect(failures).toBeGreaterThan(5);
    // Order per chat held: the platform accepted them in outbox order.
    expect([...accepted.keys()]).toEqual(ids);
  });
});
