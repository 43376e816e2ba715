import { createHash, randomBytes } from 'node:crypto';
import Database from '../../storage/sqlite/driver.js';
import { parse } from 'yaml';
import { encrypt, messageEvent } from '../../test/adapters/lark/lark-events.js';

/** The open_id the benchmark gives a person. */
export function larkId(personId: string): string {
  return `ou_${personId.replace(/-/g, '_')}`;
}

/** A webhook request ready to post: encrypted and signed (the generator does no crypto while it times). */
export interface SignedEvent {
  messageId: string;
  body: string;
  headers: Record<string, string>;
}

const BOT = { key: '@_user_1', name: '督办助手', openId: 'ou_bot' };

/**
 * The load: handlers of the province's units, each writing in a work group about an active
 * task their unit leads with them responsible, alternately `进展 D-… 50% …` (a write: progress, audit, outbox) and
 * `查询 D-…` (a read with the task's history). Senders rotate over every handler, so none goes
 * over the per-sender allowance (20 a minute) at 200 events a second; 500 work groups keep every
 * chat under Lark's 5 sends a second.
 */
export class Workload {
  private readonly handlers: string[];
  private readonly tasksOf = new Map<string, string[]>();
  private readonly cursor = new Map<string, number>();
  private n = 0;
  /** Message ids unique to this run: the ledger's front door drops an id it has seen. */
  private readonly run = Date.now().toString(36);

  constructor(
    dbFile: string,
    yamlText: string,
    private readonly key: string,
  ) {
    const doc = parse(yamlText) as { people: Array<{ id: string; unit?: string; roles?: string[] }> };
    const handlers = new Set(doc.people.filter((p) => p.unit && p.roles?.includes('经办人')).map((p) => p.id));
    // Each sender reports on work their unit leads with them as its responsible person: anyone
    // else's 进展 is refused (only the responsible person or the unit's head may report), and the
    // load would then measure refusals instead of the write.
    const db = new Database(dbFile, { readonly: true });
    const rows = db
      .prepare(
        `SELECT t.code, u.responsible_id AS person FROM tasks t JOIN task_units u ON u.task_id = t.id AND u.role = 'lead'
          WHERE t.status = 'active' ORDER BY t.id`,
      )
      .all() as Array<{ code: string; person: string }>;
    db.close();
    for (const r of rows) {
      if (!handlers.has(r.person)) continue;
      const list = this.tasksOf.get(r.person) ?? [];
      if (list.length < 500) list.push(r.code);
      this.tasksOf.set(r.person, list);
    }
    this.handlers = [...this.tasksOf.keys()];
    if (this.handlers.length === 0) throw new Error('no handlers with active tasks in the ledger');
  }

  get senders(): number {
    return this.handlers.length;
  }

  /** The next event of the mix, signed twice: for the bot and for the echo bot (message ids apart). */
  next(): { bot: SignedEvent; echo: SignedEvent } {
    const k = this.n++;
    const h = this.handlers[k % this.handlers.length];
    if (!h) throw new Error('no handler');
    const tasks = this.tasksOf.get(h) ?? [];
    const at = this.cursor.get(h) ?? 0;
    this.cursor.set(h, at + 1);
    const code = tasks[at % tasks.length] ?? '';
    const text = k % 2 === 0 ? `@_user_1 进展 ${code} 50% 已对接相关单位` : `@_user_1 查询 ${code}`;
    const signed = (prefix: string) => {
      const messageId = `om_in_${prefix}_${this.run}_${k}`;
      return this.sign(messageEvent({ from: larkId(h), text, mentions: [BOT], messageId, chatId: `oc_group_${k % 500}` }), messageId);
    };
    return { bot: signed('bot'), echo: signed('echo') };
  }

  private sign(event: unknown, messageId: string): SignedEvent {
    const body = JSON.stringify(encrypt(event, this.key));
    const ts = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString('hex');
    const sig = createHash('sha256')
      .update(ts + nonce + this.key + body)
      .digest('hex');
    return { messageId, body, headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': sig } };
  }
}
