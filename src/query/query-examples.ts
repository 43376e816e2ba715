import type { Directory } from '../directory/directory.js';

const short = (names: readonly string[], fallback: string) => [...names].sort((a, b) => a.length - b.length)[0] ?? fallback;

/** Questions that can be asked, built from the directory in use (its units and people, not the demo's). */
export function queryExamples(directory: Directory): string[] {
  const units = directory.allUnits();
  const a = units[1] ?? units[0];
  const b = units.at(-1) ?? units[0];
  const handler = directory.withRole('经办人')[0] ?? directory.allPeople()[0];
  const unitA = a ? short(a.aliases, a.name) : '某单位';
  const unitB = b ? short(b.aliases, b.name) : '某单位';
  return [
    `${unitA}还有几件逾期？`,
    `${unitB}还有几件没办完？`,
    '本周到期还没签收的有哪些',
    `${handler?.name ?? '某人'}手上有哪些事`,
    '哪个单位最差',
    '本月办结了多少件',
    'D-0001 怎么样了',
    '我交办的有哪些还没签收',
  ];
}
