import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from '../../storage/sqlite/driver.js';
import { describe, expect, it } from 'vitest';

/**
 * Runs the bot on the input. With `killAt`, kills it with SIGKILL once it has answered that
 * many more messages, plus a random few milliseconds, so the kill lands mid-transaction or
 * mid-send as often as between messages.
 */
function runBot(db: string, input: string, delivery: string, killAt?: { answers: number; jitterMs: number }): Promise<{ answered: string[]; done: boolean; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/reliability/crash-bot.ts', db, input, delivery], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let armed = false;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const answers = out.split('\n').filter((l) => l.startsWith('ANSWERED ')).length;
      if (killAt && !armed && answers >= killAt.answers) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAt.jitterMs);
      }
    });
    child.on('exit', (_code, signal) => {
      const lines = out.split('\n');
      resolve({ answered: lines.filter((l) => l.startsWith('ANSWERED ')).map((l) => l.slice(9)), done: lines.includes('DONE'), killed: signal === 'SIGKILL' });
    });
  });
}

describe('crash: kill -9 at random moments during a burst of commands', () => {
  it('keeps every answered command with its audit record, sends owed answers after restart, and answers nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crash-'));
    const db = join(dir, 'duban.db');
    const input = join(dir, 'input.tsv');
    const delivery = join(dir, 'delivery.log');
    const lines: string[] = [];
    for (let i = 1; i <= 120; i++) {
      lines.push(`m${i}a\t孙丽\t交办 发改委 崩溃测试事项${i} 12月31日`);
      lines.push(`m${i}b\t王芳\t签收 D-${String(i).padStart(4, '0')}`);
    }
    writeFileSync(input, `${lines.join('\n')}\n`);

    const answeredEver = new Set<string>();
    let rng = 7;
    const next = () => (rng = (rng * 48271) % 2147483647) / 2147483647;
    let kills = 0;
    for (let round = 0; round < 6; round++) {
      // Past what earlier rounds already handled (redelivered, answered at once), into new work.
      const r = await runBot(db, input, delivery, { answers: answeredEver.size + 1 + Math.floor(next() * 25), jitterMs: Math.floor(next() * 8) });
      for (const id of r.answered) answeredEver.add(id);
      if (r.killed) kills += 1;
    }
    expect(kills).toBeGreaterThanOrEqual(5);
    const final = await runBot(db, input, delivery);
    expect(final.done).toBe(true);

    const sqlite = new Database(db, { readonly: true });
    // Every command that got an answer is in the database with its audit record.
    for (const id of answeredEver) {
      const inbound = sqlite.prepare('SELECT outcome FROM inbound_messages WHERE message_id = ?').get(id) as { outcome: string } | undefined;
      expect(inbound, id).toBeDefined();
      if (id.endsWith('a')) {
        const audit = sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE message_id = ? AND action = 'assign'").get(id) as { n: number };
        expect(audit.n, id).toBe(1);
      }
    }
    // Each message was handled once: one task per 交办, one reply per message.
    expect(sqlite.prepare('SELECT count(*) AS n FROM tasks').get()).toEqual({ n: 120 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM inbound_messages').get()).toEqual({ n: 240 });
    expect(sqlite.prepare('SELECT origin, count(*) AS n FROM outbox GROUP BY origin HAVING n > 1').all()).toEqual([]);
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'acknowledge'").get()).toEqual({ n: 120 });
    // Every owed answer was delivered, and the platform saw each reply's id once, or again only
    // as a resend of the same id after a crash between sending and recording (which it drops).
    expect(sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE status <> 'sent'").get()).toEqual({ n: 0 });
    const outboxIds = (sqlite.prepare('SELECT id FROM outbox').all() as Array<{ id: number }>).map((r) => `duban-${r.id}`);
    sqlite.close();
    expect(existsSync(delivery)).toBe(true);
    const delivered = readFileSync(delivery, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { uuid: string; origin: string });
    const byUuid = new Map<string, Set<string>>();
    for (const d of delivered) byUuid.set(d.uuid, (byUuid.get(d.uuid) ?? new Set()).add(d.origin));
    expect([...byUuid.keys()].sort()).toEqual([...outboxIds].sort());
    for (const origins of byUuid.values()) expect(origins.size).toBe(1);
    // Distinct answers per message: exactly one.
    const perMessage = new Map<string, Set<string>>();
    for (const d of delivered) perMessage.set(d.origin, (perMessage.get(d.origin) ?? new Set()).add(d.uuid));
    expect([...perMessage.values()].every((u) => u.size === 1)).toBe(true);
    expect(perMessage.size).toBe(240);
  }, 120_000);
});
