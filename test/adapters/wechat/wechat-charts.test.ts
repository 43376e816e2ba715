import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../../src/time/shanghai.js';
import { SERIES_COLOURS } from '../../../src/export/chart-spec.js';
import { countColour, decodePng } from '../../support/png.js';
import { makeWorld, type World } from './wechat-world.js';
import { sqliteOf } from '../../support/raw-sql.js';

/** 周通报 and 统计 on WeChat: the text, then the per-unit chart as a picture (a FileBox through the outbox). */
let w: World;
let dir: string;
afterEach(async () => {
  await w.close();
  rmSync(dir, { recursive: true, force: true });
});

interface SentFile {
  to: string;
  name: string;
  bytes: Buffer;
}

function recordFiles(world: World): SentFile[] {
  const files: SentFile[] = [];
  const original = world.puppet.messageSendFile.bind(world.puppet);
  world.puppet.messageSendFile = async (to, box) => {
    files.push({ to, name: box.name, bytes: await box.toBuffer() });
    return original(to, box);
  };
  return files;
}

async function setUp() {
  dir = mkdtempSync(join(tmpdir(), 'duban-wx-charts-'));
  w = await makeWorld({ core: { exportDir: dir, workGroupAllowlist: { wechat: ['省政府督办工作群'] } } });
  const files = recordFiles(w);
  await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月9日');
  await w.post(w.people.chen, '/交办 发改委 编制项目清单 12月3日');
  return files;
}

describe('微信: charts as pictures', () => {
  it('sends the 统计 text, then its per-unit bars and its trend line as PNGs that decode and are not blank', async () => {
    const files = await setUp();
    const r = await w.post(w.people.chen, '/统计 本月');
    expect(r.sent[0]?.text).toContain('督办月统计（本月');
    expect(files.map((f) => [f.to, f.name])).toEqual([
      [w.room.id, '督办图表-各单位督办情况（本月，12月1日—12月31日）.png'],
      [w.room.id, '督办图表-近8周督办趋势.png'],
    ]);
    const trend = decodePng(files[1]!.bytes);
    expect([trend.width, trend.height]).toEqual([960, 480]);
    expect(countColour(trend, SERIES_COLOURS.assigned, 6)).toBeGreaterThan(100);
    const img = decodePng(files[0]!.bytes);
    expect([img.width, img.height]).toEqual([960, 560]);
    expect(countColour(img, '#FFFFFF', 4) / (img.width * img.height)).toBeLessThan(0.995);
    expect(countColour(img, SERIES_COLOURS.overdue, 6)).toBeGreaterThan(200);
    // The text went first: the picture follows the reply it illustrates.
    const order = sqliteOf(w.app).prepare("SELECT payload FROM outbox WHERE origin LIKE 'msg:wechat:%' ORDER BY id DESC LIMIT 3").all() as Array<{ payload: string }>;
    expect(order.map((o) => ('file' in JSON.parse(o.payload) ? 'file' : 'text'))).toEqual(['file', 'file', 'text']);
  });

  it('attaches the chart to the scheduled 周通报 once, and not to answers without a chart', async () => {
    const files = await setUp();
    await w.post(w.people.chen, '/查询 发改委 未办结');
    expect(files).toHaveLength(0);
    const before = w.sent.length;
    await w.app.scheduler.runBetween(w.clock.now(), instantAt('2026-12-14', '09:30'), w.clock);
    await w.flush();
    const tally = w.sent.slice(before).filter((s) => s.text.includes('督办周通报'));
    expect(tally.map((s) => s.to)).toEqual([w.room.id]);
    expect(files.map((f) => [f.to, f.name])).toEqual([
      [w.room.id, '督办图表-各单位督办情况（上周，12月7日—12月13日）.png'],
      [w.room.id, '督办图表-近8周督办趋势.png'],
    ]);
    expect(decodePng(files[0]!.bytes).width).toBe(960);
    await w.app.scheduler.runBetween(w.clock.now(), instantAt('2026-12-14', '11:00'), w.clock);
    await w.flush();
    expect(files).toHaveLength(2);
  });
});
