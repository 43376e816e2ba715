import type { BindingRepository, AccountBinding, PendingBinding } from '../repositories.js';
import type { Statements } from './statements.js';

/** Reads go to the database every time; caching is the transaction's (storage/transaction-cache.ts). */
export class SqliteBindingRepository implements BindingRepository {
  constructor(private readonly s: Statements) {}

  async personFor(platform: string, accountId: string): Promise<string | undefined> {
    const row = this.s.get('SELECT person_id FROM account_bindings WHERE platform = ? AND account_id = ?').get(platform, accountId) as { person_id: string } | undefined;
    return row?.person_id;
  }

  async accountFor(platform: string, personId: string): Promise<string | undefined> {
    const row = this.s.get('SELECT account_id FROM account_bindings WHERE platform = ? AND person_id = ?').get(platform, personId) as { account_id: string } | undefined;
    return row?.account_id;
  }

  async bind(b: AccountBinding): Promise<void> {
    // One account per person per platform: a new binding replaces the person's old one.
    this.s.get('DELETE FROM account_bindings WHERE platform = ? AND (person_id = ? OR account_id = ?)').run(b.platform, b.personId, b.accountId);
    this.s.get('INSERT INTO account_bindings (platform, account_id, person_id, bound_by, bound_at) VALUES (?, ?, ?, ?, ?)').run(b.platform, b.accountId, b.personId, b.boundBy, b.boundAt);
  }

  async unbind(platform: string, personId: string): Promise<boolean> {
    return this.s.get('DELETE FROM account_bindings WHERE platform = ? AND person_id = ?').run(platform, personId).changes > 0;
  }

  async list(platform?: string): Promise<AccountBinding[]> {
    const rows = (
      platform === undefined
        ? this.s.get('SELECT * FROM account_bindings ORDER BY platform, person_id').all()
        : this.s.get('SELECT * FROM account_bindings WHERE platform = ? ORDER BY person_id').all(platform)
    ) as Array<{
      platform: string;
      account_id: string;
      person_id: string;
      bound_by: string;
      bound_at: string;
    }>;
    return rows.map((r) => ({ platform: r.platform, accountId: r.account_id, personId: r.person_id, boundBy: r.bound_by, boundAt: r.bound_at }));
  }

  async block(platform: string, accountId: string, by: string, at: string): Promise<boolean> {
    return this.s.get('INSERT INTO blocked_accounts (platform, account_id, blocked_by, blocked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(platform, accountId, by, at).changes > 0;
  }

  async unblock(platform: string, accountId: string): Promise<boolean> {
    return this.s.get('DELETE FROM blocked_accounts WHERE platform = ? AND account_id = ?').run(platform, accountId).changes > 0;
  }

  async isBlocked(platform: string, accountId: string): Promise<boolean> {
    return this.s.get('SELECT 1 FROM blocked_accounts WHERE platform = ? AND account_id = ?').get(platform, accountId) !== undefined;
  }

  async requestBinding(p: Omit<PendingBinding, 'id'>): Promise<number> {
    // One request per account: a newer request replaces an older one.
    this.s.get('DELETE FROM pending_bindings WHERE platform = ? AND account_id = ?').run(p.platform, p.accountId);
    const r = this.s
      .get('INSERT INTO pending_bindings (platform, account_id, person_id, replace, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(p.platform, p.accountId, p.personId, p.replace ? 1 : 0, p.requestedBy, p.requestedAt);
    return Number(r.lastInsertRowid);
  }

  async pending(): Promise<PendingBinding[]> {
    const rows = this.s.get('SELECT * FROM pending_bindings ORDER BY id').all() as Array<{
      id: number;
      platform: string;
      account_id: string;
      person_id: string;
      replace: number;
      requested_by: string;
      requested_at: string;
    }>;
    return rows.map((r) => ({
      id: r.id,
      platform: r.platform,
      accountId: r.account_id,
      personId: r.person_id,
      replace: r.replace === 1,
      requestedBy: r.requested_by,
      requestedAt: r.requested_at,
    }));
  }

  async dropPending(id: number): Promise<void> {
    this.s.get('DELETE FROM pending_bindings WHERE id = ?').run(id);
  }
}
