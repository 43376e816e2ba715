import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { mentionedPeople } from '../../src/core/reply.js';

let h: Harness;
afterEach(() => h.close());

describe('a leader who must confirm his unit’s position in a coordination (the 秘书长 for the 办公厅, H3)', () => {
  it('is not @-mentioned in the group but finds it in his 专报, with the command to confirm', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:30'] });
    await h.say('孙丽', '交办 发改委 办公厅 梳理全省重点项目清单 12月31日');
    await h.say('王芳', '签收 D-0001');
    await h.say('蒋涛', '签收 D-0001');
    const opened = await h.say('王芳', '协调 D-0001 与办公厅对清单口径意见不一致');
    expect(opened.text).toContain('C-0001');
    const stated = await h.say('蒋涛', '表态 C-0001 不同意 口径应与年度计划一致');
    const wu = h.directory.findPerson('吴德明')!;
    for (const m of stated.messages.filter((x) => x.targetKind === 'chat')) {
      expect(mentionedPeople(m.reply)).not.toContain(wu.id);
      expect(h.render(m)).not.toContain('@吴德明');
    }
    const sent = await h.until('2026-12-08', '10:00');
    const digest = sent
      .filter((m) => m.targetKind === 'person' && m.targetId === '吴德明' && m.reply.title.startsWith('督办专报'))
      .map((m) => h.render(m))
      .join('\n');
    expect(digest).toMatch(/【待您确认表态】\nC-0001（D-0001 梳理全省重点项目清单）｜省政府办公厅 不同意：口径应与年度计划一致（蒋涛）｜请确认：回复「确认表态 C-0001」/);
    const confirmed = await h.say('吴德明', '确认表态 C-0001');
    expect(confirmed.text).not.toMatch(/没有待您确认|仅限/);
    const next = await h.until('2026-12-09', '10:00');
    const later = next
      .filter((m) => m.targetKind === 'person' && m.targetId === '吴德明')
      .map((m) => h.render(m))
      .join('\n');
    expect(later).not.toContain('【待您确认表态】');
  });
});
