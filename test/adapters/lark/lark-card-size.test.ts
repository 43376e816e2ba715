import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_LIMIT_BYTES, cardOf, fittedCard } from '../../../src/adapters/lark/lark-card.js';
import { Directory } from '../../../src/directory/directory.js';
import { DEMO_DIRECTORY_PATH } from '../../../src/directory/load-directory.js';
import { directoryFileSchema } from '../../../src/directory/schema.js';
import { messageEvent, postEvent } from './fake-lark.js';
import { KEY, larkWorld, ou, type LarkWorld } from './lark-world.js';
import { sqliteOf } from '../../support/raw-sql.js';

let w: LarkWorld;
afterEach(() => w.close());

const bot = { key: '@_user_1', name: '督办助手', openId: 'ou_bot' };
const UNITS = 500;
const unitName = (i: number) => `江海省第${String(i).padStart(3, '0')}专项工作领导小组办公室`;
/** What the 交办 names each unit by (500 full names would pass the 5000-character message cap). */
const alias = (i: number) => `第${String(i).padStart(3, '0')}局`;

/** The demo province plus 500 units, each with a 经办人 bound on Lark. */
function bigDirectory(): Directory {
  const doc = directoryFileSchema.parse(parse(readFileSync(DEMO_DIRECTORY_PATH, 'utf8')));
  for (let i = 1; i <= UNITS; i++) {
    doc.units.push({ id: `u${i}`, name: unitName(i), aliases: [alias(i)], type: '省直部门', contact: `p${i}` });
    doc.people.push(directoryFileSchema.shape.people.element.parse({ id: `p${i}`, name: `承办人${i}`, unit: `u${i}`, roles: ['经办人'] }));
  }
  for (const p of doc.people) p.accounts = { ...p.accounts, lark: ou(p.id) };
  return new Directory(doc);
}

describe('a card that would pass Lark’s size limit', () => {
  it('summarizes a 交办 naming 500 units beyond 20 units, with a pointer to 查询, and every unit is still assigned', async () => {
    w = await larkWorld({ directory: bigDirectory() });
    const names = Array.from({ length: UNITS }, (_, i) => alias(i + 1));
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: `@_user_1 交办 ${names.join(' ')} 编制清单 12月18日`, mentions: [bot] }), KEY);
    await w.settle();
    expect(w.fake.sent).toHaveLength(1);
    const sent = w.fake.sent[0];
    expect(sent?.msgType).toBe('interactive');
    expect(Buffer.byteLength(sent?.content ?? '')).toBeLessThan(30 * 1024); // Lark's limit for a card
    const card = sent?.content ?? '';
    expect(JSON.parse(card).header.title.content).toBe('已交办 D-0001');
    expect(card).toContain(unitName(2));
    expect(card).toContain(unitName(21));
    expect(card).not.toContain(unitName(22));
    expect(card).toContain('另有 479 个，发「查询 D-0001」查看全部');
    expect(sqliteOf(w.h.app).prepare('SELECT count(*) AS n FROM task_units').get()).toEqual({ n: UNITS });

    // The live card a button press refreshes (one field per unit) is summarized the same way.
    const live = await w.h.app.bot.taskCard('D-0001');
    if (!live) throw new Error('no task card');
    expect(Buffer.byteLength(JSON.stringify(cardOf(live, {})))).toBeGreaterThan(CARD_LIMIT_BYTES);
    const fitted = JSON.stringify(fittedCard(live, {}));
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
    expect(fitted).toContain('**配合**：…… 另有 479 个，发「查询 D-0001」查看全部');
  }, 60_000);
});
