/** Storage contract: Platform accounts bound to people of the directory, blocked accounts and pending bindings. */

export interface AccountBinding {
  platform: string;
  accountId: string;
  personId: string;
  boundBy: string;
  boundAt: string;
}

/** A 绑定 waiting for a second administrator's 确认绑定. */
export interface PendingBinding {
  id: number;
  platform: string;
  accountId: string;
  personId: string;
  replace: boolean;
  requestedBy: string;
  requestedAt: string;
}

export interface BindingRepository {
  personFor(platform: string, accountId: string): Promise<string | undefined>;
  accountFor(platform: string, personId: string): Promise<string | undefined>;
  /** Binds, replacing any earlier binding of the same account or of the person on that platform. */
  bind(binding: AccountBinding): Promise<void>;
  unbind(platform: string, personId: string): Promise<boolean>;
  list(platform?: string): Promise<AccountBinding[]>;
  /** Blocks an account (停用), whatever the directory file says; false when already blocked. */
  block(platform: string, accountId: string, by: string, at: string): Promise<boolean>;
  unblock(platform: string, accountId: string): Promise<boolean>;
  isBlocked(platform: string, accountId: string): Promise<boolean>;
  requestBinding(p: Omit<PendingBinding, 'id'>): Promise<number>;
  pending(): Promise<PendingBinding[]>;
  dropPending(id: number): Promise<void>;
}
