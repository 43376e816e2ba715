import type { AccountBinding, BindingRepository, PendingBinding } from '../repositories.js';
import type { Absence, Acting, PeopleStateRepository } from '../exception-repositories.js';
import { addDays } from '../../src/time/shanghai.js';
import type { PgSql } from './pg-sql.js';

/** Account bindings and people's state (请假, 代行) on PostgreSQL; no caching here (see transaction-cache.ts). */

interface BindingRow {
  platform: string;
  account_id: string;
  person_id: string;
  bound_by: string;
  bound_at: string;
}

export class PgBindingRepository implements BindingRepository {
  constructor(private readonly s: PgSql) {}

  async personFor(platform: string, accountId: string): Promise<string | undefined> {
    return (await this.s.one<{ person_id: string }>('SELECT person_id FROM account_bindings WHERE platform = ? AND account_id = ?', platform, accountId))?.person_id;
  }

  async accountFor(platform: string, personId: string): Promise<string | undefined> {
    return (await this.s.one<{ account_id: string }>('SELECT account_id FROM account_bindings WHERE platform = ? AND person_id = ?', platform, personId))?.account_id;
  }

  async bind(b: AccountBinding): Promise<void> {
    await this.s.run('DELETE FROM account_bindings WHERE platform = ? AND (person_id = ? OR account_id = ?)', b.platform, b.personId, b.accountId);
    await this.s.run('INSERT INTO account_bindings (platform, account_id, person_id, bound_by, bound_at) VALUES (?, ?, ?, ?, ?)', b.platform, b.accountId, b.personId, b.boundBy, b.boundAt);
  }

  async unbind(platform: string, personId: string): Promise<boolean> {
    return (await this.s.run('DELETE FROM account_bindings WHERE platform = ? AND person_id = ?', platform, personId)) > 0;
  }

  async list(platform?: string): Promise<AccountBinding[]> {
    const rows =
      platform === undefined
        ? await this.s.all<BindingRow>('SELECT * FROM account_bindings ORDER BY platform, person_id')
        : await this.s.all<BindingRow>('SELECT * FROM account_bindings WHERE platform = ? ORDER BY person_id', platform);
    return rows.map((r) => ({ platform: r.platform, accountId: r.account_id, personId: r.person_id, boundBy: r.bound_by, boundAt: r.bound_at }));
  }

  async block(platform: string, accountId: string, by: string, at: string): Promise<boolean> {
    return (await this.s.run('INSERT INTO blocked_accounts (platform, account_id, blocked_by, blocked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', platform, accountId, by, at)) > 0;
  }

  async unblock(platform: string, accountId: string): Promise<boolean> {
    return (await this.s.run('DELETE FROM blocked_accounts WHERE platform = ? AND account_id = ?', platform, accountId)) > 0;
  }

  async isBlocked(platform: string, accountId: string): Promise<boolean> {
    return (await this.s.one('SELECT 1 AS x FROM blocked_accounts WHERE platform = ? AND account_id = ?', platform, accountId)) !== undefined;
  }

  async requestBinding(p: Omit<PendingBinding, 'id'>): Promise<number> {
    await this.s.run('DELETE FROM pending_bindings WHERE platform = ? AND account_id = ?', p.platform, p.accountId);
    const r = await this.s.one<{ id: number }>(
      `INSERT INTO pending_bindings (platform, account_id, person_id, replace, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      p.platform,
      p.accountId,
      p.personId,
      p.replace ? 1 : 0,
      p.requestedBy,
      p.requestedAt,
    );
    return r!.id;
  }

  async pending(): Promise<PendingBinding[]> {
    const rows = await this.s.all<{
      id: number;
      platform: string;
      account_id: string;
      person_id: string;
      replace: number;
      requested_by: string;
      requested_at: string;
    }>('SELECT * FROM pending_bindings ORDER BY id');
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
    await this.s.run('DELETE FROM pending_bindings WHERE id = ?', id);
  }
}

interface AbsenceRow {
  id: number;
  person_id: string;
  from_date: string;
  to_date: string;
  reason: string | null;
  declared_by: string;
}
interface ActingRow {
  id: number;
  unit_id: string;
  acting_id: string;
  from_date: string;
  to_date: string;
  declared_by: string;
}

const toAbsence = (r: AbsenceRow): Absence => ({ id: r.id, personId: r.person_id, from: r.from_date, to: r.to_date, reason: r.reason ?? undefined, declaredBy: r.declared_by });
const toActing = (r: ActingRow): Acting => ({ id: r.id, unitId: r.unit_id, actingId: r.acting_id, from: r.from_date, to: r.to_date, declaredBy: r.declared_by });

export class PgPeopleStateRepository implements PeopleStateRepository {
  constructor(private readonly s: PgSql) {}

  async addAbsence(a: Omit<Absence, 'id'> & { declaredAt: string }): Promise<void> {
    await this.s.run(
      'INSERT INTO absences (person_id, from_date, to_date, reason, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, ?)',
      a.personId,
      a.from,
      a.to,
      a.reason ?? null,
      a.declaredBy,
      a.declaredAt,
    );
  }

  async endAbsence(personId: string, date: string): Promise<number> {
    return this.s.run('UPDATE absences SET to_date = ? WHERE person_id = ? AND from_date <= ? AND to_date >= ?', addDays(date, -1), personId, date, date);
  }

  async absenceOn(personId: string, date: string): Promise<Absence | undefined> {
    const row = await this.s.one<AbsenceRow>('SELECT * FROM absences WHERE person_id = ? AND from_date <= ? AND to_date >= ? ORDER BY id DESC LIMIT 1', personId, date, date);
    return row ? toAbsence(row) : undefined;
  }

  async absencesOn(date: string, until = date): Promise<Absence[]> {
    return (await this.s.all<AbsenceRow>('SELECT * FROM absences WHERE from_date <= ? AND to_date >= ? ORDER BY id', until, date)).map(toAbsence);
  }

  async addActing(a: Omit<Acting, 'id'> & { declaredAt: string }): Promise<void> {
    await this.s.run(
      'INSERT INTO actings (unit_id, acting_id, from_date, to_date, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, ?)',
      a.unitId,
      a.actingId,
      a.from,
      a.to,
      a.declaredBy,
      a.declaredAt,
    );
  }

  async endActing(unitId: string, date: string): Promise<number> {
    return this.s.run('UPDATE actings SET to_date = ? WHERE unit_id = ? AND from_date <= ? AND to_date >= ?', addDays(date, -1), unitId, date, date);
  }

  async actingsOn(date: string, until = date): Promise<Acting[]> {
    return (await this.s.all<ActingRow>('SELECT * FROM actings WHERE from_date <= ? AND to_date >= ? ORDER BY id', until, date)).map(toActing);
  }
}
