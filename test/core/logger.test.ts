import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { z } from 'zod';
import { makeHarness } from '../support/harness.js';
import { COMMANDS } from '../../commands/index.js';
import { defineCommand } from '../../src/core/command.js';

const at = () => new Date('2026-12-07T01:00:00Z');

describe('structured logging', () => {
  it('writes one JSON object per line, with the bindings of every ancestor', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (l) => lines.push(l), now: at });
    log
      .child({ platform: 'lark', messageId: 'om_1' })
      .child({ command: '交办' })
      .error('command failed', { ref: 'E-1', error: new Error('boom') });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ time: '2026-12-07T01:00:00.000Z', level: 'ERROR', msg: 'command failed', platform: 'lark', messageId: 'om_1', command: '交办', ref: 'E-1' });
    expect(line.error).toMatchObject({ name: 'Error', message: 'boom' });
  });

  it('keeps the level threshold for children and offers a text format for terminals', () => {
    const lines: string[] = [];
    const log = createLogger('warn', { write: (l) => lines.push(l), now: at, format: 'text' });
    log.child({ job: 'daily-chase' }).info('job ran');
    log.child({ job: 'daily-chase' }).warn('late', { period: '2026-12-07' });
    expect(lines).toEqual(['2026-12-07T01:00:00.000Z WARN late {"job":"daily-chase","period":"2026-12-07"}']);
  });

  it('binds the message once in the front door: a failing command logs its platform, message, chat and command', async () => {
    const boom = defineCommand({
      name: '爆炸',
      aliases: [],
      summary: 'x',
      usage: ['爆炸'],
      examples: ['爆炸'],
      allowed: 'anyone',
      parse: () => ({}),
      schema: z.object({}),
      run: () => Promise.reject(new Error('disk on fire')),
    });
    const h = await makeHarness({ commands: [...COMMANDS, boom] });
    await h.say('孙丽', '爆炸');
    const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'command failed');
    await h.close();
    expect(line).toMatchObject({ level: 'ERROR', platform: 'console', command: '爆炸' });
    expect(String(line?.ref)).toMatch(/^E-\d{8}-[0-9a-f]{6}$/);
    expect(typeof line?.messageId).toBe('string');
    expect(typeof line?.chatId).toBe('string');
  });
});
