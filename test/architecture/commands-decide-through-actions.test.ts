import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Repository calls that change the ledger, by the verbs the storage contracts use for writes. */
export const WRITE_CALL =
  /repos\.\w+\.(add|create|update|set|remove|drop|delete|append|bind|unbind|block|unblock|record|insert|mark|request|close|reopen|save|put|claim|withdraw|resolve|decide|assign|complete|acknowledge)\w*\(/g;

describe('commands change the ledger only through domain actions', () => {
  it('no command file calls a writing repository method itself (src/domain/actions/ does, with its audit record)', () => {
    const found: string[] = [];
    for (const f of readdirSync(join(ROOT, 'commands')).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(ROOT, 'commands', f), 'utf8');
      for (const m of text.matchAll(WRITE_CALL)) found.push(`commands/${f}: ${m[0]}`);
    }
    expect(found, 'move the write and its audit record into src/domain/actions/').toEqual([]);
  });

  it('the pattern sees a direct write', () => {
    expect('await ctx.repos.bindings.dropPending(1)'.match(WRITE_CALL)).toHaveLength(1);
    expect('await ctx.repos.tasks.findByCode(code)'.match(WRITE_CALL)).toBeNull();
  });
});
