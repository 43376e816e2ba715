import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-docs-'));
  h = await makeHarness({ settings: { exportDir: dir, issuer: '江海省人民政府督查室', documentCode: '琼督' } });
  await h.say('陈立群', '交办 发改委 财政厅 制定营商环境优化提升实施方案 12月15日');
  await h.say('孙丽', '交办 住建厅 老旧小区改造摸底 12月9日');
  await h.say('王芳', '签收 D-0001');
  h.at('2026-12-08', '15:30');
  await h.say('杨帆', '办结 D-0002 已完成全省摸底');
  await h.until('2026-12-16', '10:00');
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function documentXml(path: string): Promise<{ xml: string; text: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text, zip };
}

describe('导出 通报', () => {
  it('writes the week’s tallies in the GB/T 9704 layout with the figures, a chart and a 发文字号', async () => {
    const r = await h.say('孙丽', '导出 通报 2026年第50周');
    expect(r.text).toContain('已生成通报文稿 琼督〔2026〕1号（2026年第50周）');
    const files = r.messages.flatMap((m) => (m.file ? [m.file] : []));
    expect(files.map((f) => f.name)).toEqual(['通报-2026年第50周.docx', '督办图表-2026年第50周-各单位.png', '督办图表-2026年第50周-趋势.png']);
    const { xml, text, zip } = await documentXml(files[0]!.path);
    // Layout: A4, 37/35/28/26 mm margins, red 发文机关标志, red separator, 3号仿宋 body with a 28 pt fixed line.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    expect(xml).toMatch(/<w:color w:val="FF0000"\/><w:sz w:val="72"\/>[\s\S]*?江海省人民政府督查室/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:spacing w:line="560" w:lineRule="exact"/);
    expect(xml).toContain('<w:tbl>');
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
    // Content in order: 发文机关标志, 发文字号, 标题, 主送, body, 落款, 成文日期.
    const order = [
      '江海省人民政府督查室',
      '琼督〔2026〕1号',
      '关于2026年第50周督办事项办理情况的通报',
      '各有关单位：',
      '一、总体情况',
      '二、各单位办理情况',
      '三、逾期事项',
      '四、有关要求',
      '江海省人民政府督查室2026年12月16日',
    ];
    let at = -1;
    for (const part of order) {
      const i = text.indexOf(part, at + 1);
      expect(i, part).toBeGreaterThan(at);
      at = i;
    }
    expect(text).toContain('现将2026年第50周（2026年12月7日至2026年12月13日）督办事项办理情况通报如下。');
    expect(text).toContain('本期交办事项2件，办结1件；截至12月14日前到期、目前仍未办结的0件。');
    // Rank, unit, 交办, 当日签收 (signed on time / due to be signed), 按期办结/办结, 逾期, 催办, colours.
    expect(text).toMatch(/1发改委11\/10\/0001002财政厅10\/10\/0000003住建厅10\/11\/100000/);
    // The table header: the scheme's colours come last.
    expect(text).toContain('排名单位交办当日签收按期办结/办结逾期催办红色黄色绿色');
  });

  it('numbers documents in sequence across kinds and records each in the audit trail', async () => {
    await h.say('孙丽', '导出 通报 上周');
    const r = await h.say('孙丽', '导出 督办单 D-0001');
    expect(r.text).toContain('已生成督办单文稿 琼督〔2026〕2号（D-0001）');
    const history = await h.say('孙丽', '查询 D-0001');
    expect(history.text).toContain('生成督办单文稿 琼督〔2026〕2号');
  });
});

describe('导出 督办单 / 催办单', () => {
  it('writes a 催办单 to the lead unit with the task’s facts and how far it is overdue', async () => {
    const r = await h.say('孙丽', '导出 催办单 D-0001');
    const file = r.messages.find((m) => m.file)!.file!;
    expect(file.name).toBe('催办单-D-0001.docx');
    const { text } = await documentXml(file.path);
    expect(text).toContain('催办单');
    expect(text).toContain('省发展改革委：');
    expect(text).toContain('督办编号D-0001');
    expect(text).toContain('督办事项制定营商环境优化提升实施方案');
    expect(text).toContain('配合单位省财政厅（钱敏）');
    expect(text).toContain('办理时限2026年12月15日');
    expect(text).toMatch(/当前状态逾期 1 天（办理中）（红色）/);
    expect(text).toContain('截至2026年12月16日已逾期1天，已催办1次');
  });

  it('is refused to unit heads and for tasks that do not exist', async () => {
    const head = await h.say('李明', '导出 督办单 D-0001');
    expect(head.result.outcome).toBe('refused');
    expect(head.text).toContain('单位可导出本单位台账和图表');
    expect((await h.say('孙丽', '导出 督办单 D-0099')).text).toContain('没有编号为 D-0099 的事项');
  });
});
