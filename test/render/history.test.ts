import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/domain/audit-actions.js';
import { HISTORY_LABELS, describeAction, historyLine } from '../../src/render/history.js';
import { loadDirectory } from '../../src/directory/load-directory.js';

const dir = loadDirectory();

describe('history labels', () => {
  it('every recorded action reads as Chinese text, even with its details missing', () => {
    for (const action of AUDIT_ACTIONS) {
      const text = HISTORY_LABELS[action]({}, dir);
      expect(text, action).toMatch(/[\u4e00-\u9fff]/);
      expect(text, action).not.toMatch(/undefined|null|\[object/);
    }
  });

  it('an action the code no longer knows shows its stored name instead of failing', () => {
    expect(describeAction('retired_action', { x: 1 }, dir)).toBe('retired_action');
    const line = historyLine({ id: 1, at: '2026-12-07T09:00:00+08:00', actorId: 'system', action: 'retired_action', details: {}, source: { job: 'x' } }, dir);
    expect(line).toBe('12-07 09:00 系统 retired_action');
  });

  it('names people and units from the directory', () => {
    const someone = dir.allPeople()[0]!;
    expect(describeAction('absence_end', { personId: someone.id }, dir)).toBe(`${someone.name} 销假`);
  });
});
