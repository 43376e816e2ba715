/** A coordination request (协调事项) and its parties, as stored. */
export type CoordinationStatus = 'open' | 'answered' | 'closed';

/** 0: the 副秘书长 who owns it; 1: the 分管领导 of the units; 2: the 主要领导 (H7). */
export type CoordinationLevel = 0 | 1 | 2;

export const LEVEL_LABEL: Record<CoordinationLevel, string> = { 0: '副秘书长协调', 1: '分管领导协调', 2: '主要领导协调' };
export const COORDINATION_STATUS_LABEL: Record<CoordinationStatus, string> = { open: '待协调', answered: '已出具协调意见，待各方表态', closed: '已协调一致' };

export interface CoordinationParty {
  unitId: string;
  stance?: 'agree' | 'disagree';
  position?: string;
  statedBy?: string;
  statedAt?: string;
  /** The unit head (or acting head) who gave or confirmed the position; unset while it awaits them (H3). */
  confirmedBy?: string;
  confirmedAt?: string;
}

/** A position counts once the unit's head has given or confirmed it. */
export function positionCounts(p: CoordinationParty): boolean {
  return p.stance !== undefined && p.confirmedBy !== undefined;
}

export interface Coordination {
  id: number;
  code: string;
  taskId: number;
  requesterId: string;
  requesterUnit: string;
  reason: string;
  /** 首问负责: the first deputy asked owns the item until it is answered. */
  ownerId: string;
  /** Why the owner is who they are (e.g. 缺位递补). */
  ownerNote?: string;
  level: CoordinationLevel;
  /** Who must answer at the current level. */
  handlerIds: string[];
  /** Local date the current level started: the answer clock runs from here. */
  levelSince: string;
  status: CoordinationStatus;
  opinion?: string;
  opinionBy?: string;
  opinionAt?: string;
  openedAt: string;
  closedAt?: string;
  /** Closed because its task was withdrawn (撤销交办), not agreed or decided. */
  closeReason?: 'withdrawn';
  origin: { platform: string; chatId: string };
  parties: CoordinationParty[];
}

export function formatCoordinationCode(n: number): string {
  return `C-${String(n).padStart(4, '0')}`;
}

export function normalizeCoordinationCode(text: string): string | undefined {
  const m = /^[Cc][-－—_]?\s*(\d{1,9})$/.exec(text.normalize('NFKC').trim());
  return m && Number(m[1]) > 0 ? formatCoordinationCode(Number(m[1])) : undefined;
}

export const COORDINATION_CODE_PATTERN = /[Cc][-－—_]?\d{1,9}/;
