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
 * task their unit leads, alternately `进展 D-… 50% …` (a write: progress, audit, outbox) and
 * `查询 D-…` (a read with the task's history). Senders rotate over every handler, so none goes
 * over the per-sender allowance (20 a minute) at 200 events a second; 500 work groups keep every
 * chat under Lark's 5 sends a second.
 */
export class Workload {
  private readonly handlers: Array<{ id: string; unit: string }>;
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
    const db = new Database(dbFile, { readonly: true });
    const rows = db.prepare("SELECT code, lead_unit_id AS unit FROM tasks WHERE status = 'active' ORDER BY id").all() as Array<{ code: string; unit: string }>;
    db.close();
    for (const r of rows) {
      const list = this.tasksOf.get(r.unit) ?? [];
      if (list.length < 500) list.push(r.code);
      this.tasksOf.set(r.unit, list);
    }
    this.handlers = doc.people.filter((p) => p.unit && p.roles?.includes('经办人') && this.tasksOf.has(p.unit)).map((p) => ({ id: p.id, unit: p.unit ?? '' }));
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
    const tasks = this.tasksOf.get(h.unit) ?? [];
    const at = this.cursor.get(h.unit) ?? 0;
    this.cursor.set(h.unit, at + 1);
    const code = tasks[at % tasks.length] ?? '';
    const text = k % 2 === 0 ? `@_user_1 进展 ${code} 50% 已对接相关单位` : `@_user_1 查询 ${code}`;
    const signed = (prefix: string) => {
      const messageId = `om_in_${prefix}_${this.run}_${k}`;
      return this.sign(messageEvent({ from: larkId(h.id), text, mentions: [BOT], messageId, chatId: `oc_group_${k % 500}` }), messageId);
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
