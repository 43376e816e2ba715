import type { NewTask, OpenedStorage, Repositories } from '../../../storage/repositories.js';

/** Opens a fresh, empty, migrated storage of the backend under test. */
export type OpenFresh = () => Promise<OpenedStorage>;

export const AT = '2026-12-01T10:00:00.000+08:00';
export const at = (day: string, time = '10:00:00') => `${day}T${time}.000+08:00`;

export function newTask(over: Partial<NewTask> = {}): NewTask {
  return {
    title: '编制清单',
    source: 'instruction',
    isKey: false,
    assignerId: 'p-boss',
    assignedAt: AT,
    assignedDate: '2026-12-01',
    deadline: '2026-12-10',
    units: [
      { unitId: 'u-fgw', role: 'lead', responsibleId: 'p-zhang' },
      { unitId: 'u-czj', role: 'co', responsibleId: 'p-li' },
    ],
    origin: { platform: 'console', chatId: 'chat-1', messageId: 'm-1' },
    ...over,
  };
}

/** Runs `fn` in one transaction of `s`. */
export const tx = <T>(s: OpenedStorage, fn: (r: Repositories) => Promise<T>): Promise<T> => s.transaction(fn);
