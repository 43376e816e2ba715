/** The figures of a unit in 周通报, 排名 answers and the 年终考核 view, worded once. */
export interface TallyFigures {
  assigned: number;
  ackedOnTime: number;
  /** The base of the same-day signing rate (work whose signing day has come, or signed). */
  ackDue: number;
  completed: number;
  completedOnTime: number;
  chases: number;
  overdue: number;
  untrue: number;
}

export const TALLY_TEXTS = {
  ackedOnTime: (t: Pick<TallyFigures, 'ackedOnTime' | 'ackDue'>) => `当日签收 ${t.ackedOnTime}/${t.ackDue}`,
  completedOnTime: (t: Pick<TallyFigures, 'completedOnTime' | 'completed'>) => `按期办结 ${t.completedOnTime}/${t.completed}`,
  chases: (t: Pick<TallyFigures, 'chases'>) => `催办 ${t.chases}`,
  untrue: (t: Pick<TallyFigures, 'untrue'>) => `复核不实 ${t.untrue}`,
  overdue: (t: Pick<TallyFigures, 'overdue'>) => `逾期 ${t.overdue}`,
  empty: '本期无交办、办结或逾期事项。',
} as const;
