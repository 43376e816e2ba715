import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { parseNoticeRef } from '../../src/export/notice-number.js';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
let dir: string;
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Thursday 12-03: work due Friday slips; Monday's chase issues 督查室通报 第1期, Tuesday's 办公厅通报 第1期. */
async function twoNotices() {
  dir = mkdtempSync(join(tmpdir(), 'duban-ladder-docs-'));
  h = await makeHarness({ start: ['2026-12-03', '10:00'], settings: { exportDir: dir, issuer: '江海省人民政府督查室' } });
  await h.say('陈立群', '交办 发改委 编制专项债项目清单 12月4日');
  await h.say('王芳', '签收 D-0001');
  await h.until('2026-12-07');
  await h.until('2026-12-08');
  h.at('2026-12-09', '10:00');
}

async function documentText(path: string): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') };
}

function inOrder(text: string, parts: string[]): void {
  let at = -1;
  for (const part of parts) {
    const i = text.indexOf(part, at + 1);
    expect(i, part).toBeGreaterThan(at);
    at = i;
  }
}

describe('导出 通报 <期号>: the ladder’s numbered 通报 as a document', () => {
  it('writes 督查室通报〔2026〕第1期 in the GB/T 9704 layout, with its items as they stood that day', async () => {
    await twoNotices();
    const r = await h.say('孙丽', '导出 通报 督查室通报〔2026〕第1期');
    expect(r.text).toContain('已生成通报文稿 督查室通报〔2026〕第1期（省发展改革委，1 件事项）');
    const file = r.messages.find((m) => m.file)?.file;
    expect(file?.name).toBe('督查室通报〔2026〕第1期.docx');
    const { xml, text } = await documentText(file!.path);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:color w:val="FF0000"\/><w:sz w:val="72"\/>[\s\S]*?江海省人民政府督查室/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:tbl>');
    inOrder(text, [
      '江海省人民政府督查室',
      '督查室通报〔2026〕第1期',
      '关于省发展改革委督办事项逾期未落实的通报',
      '省发展改革委：',
      '下列事项逾期不报，经催办仍未落实，予以通报，并记入日常考核工作台账：',
      '编号事项办理时限通报时情况责任人',
      'D-0001编制专项债项目清单2026年12月4日截至12月7日逾期3天，被催办1次王芳',
      '江海省人民政府督查室2026年12月7日',
    ]);
  });

  it('writes the 办公厅 通报 under the 办公厅, with the 说明 owed to the assigning leader; no new 发文字号 is taken', async () => {
    await twoNotices();
    const r = await h.say('孙丽', '导出 通报 办公厅通报[2026]第1期');
    const file = r.messages.find((m) => m.file)?.file;
    const { text } = await documentText(file!.path);
    inOrder(text, [
      '江海省人民政府办公厅',
      '办公厅通报〔2026〕第1期',
      '关于省发展改革委督办事项经两次催办仍未落实的通报',
      '下列事项被催办2次仍未落实，予以通报：',
      '截至12月8日逾期4天，被催办2次',
      '请省发展改革委主要负责人向陈立群（常务副省长）作出说明，并提出整改落实措施。',
      '江海省人民政府办公厅2026年12月8日',
    ]);
    const next = await h.say('孙丽', '导出 督办单 D-0001');
    expect(next.text).toContain('督查〔2026〕1号');
  });

  it('reads 第1期 alone as this year’s only series with that number, and asks when two have one', async () => {
    await twoNotices();
    const both = await h.say('孙丽', '导出 通报 第1期');
    expect(both.messages.some((m) => m.file)).toBe(false);
    expect(both.text).toContain('2026年第1期有 2 份：督查室通报〔2026〕第1期、办公厅通报〔2026〕第1期。请写全期号');
    const missing = await h.say('孙丽', '导出 通报 第2期');
    expect(missing.text).toContain('没有2026年第2期通报');
  });

  it('answers a malformed number with the correct form, and refuses units', async () => {
    await twoNotices();
    const bad = await h.say('孙丽', '导出 通报 督查室通报第一期');
    expect(bad.messages.some((m) => m.file)).toBe(false);
    expect(bad.text).toContain('看不懂「督查室通报第一期」是哪一期通报，可写：导出 通报 督查室通报〔2026〕第3期（或 办公厅通报〔2026〕第1期），本年的可简写为 导出 通报 第3期');
    const unit = await h.say('李明', '导出 通报 督查室通报〔2026〕第1期');
    expect(unit.messages.some((m) => m.file)).toBe(false);
    expect(unit.text).toContain('通报由');
  });
});

describe('notice numbers', () => {
  it('reads the full and short forms, any bracket, and leaves periods alone', () => {
    expect(parseNoticeRef('督查室通报〔2026〕第3期', 2026)).toEqual({ series: '督查室通报', year: 2026, n: 3 });
    expect(parseNoticeRef('办公厅通报（2025）第12期', 2026)).toEqual({ series: '办公厅通报', year: 2025, n: 12 });
    expect(parseNoticeRef('第3期', 2026)).toEqual({ series: undefined, year: 2026, n: 3 });
    expect(parseNoticeRef('督查室通报〔2026〕3号', 2026)).toBe('malformed');
    expect(parseNoticeRef('第三期', 2026)).toBe('malformed');
    expect(parseNoticeRef('2026年第48周', 2026)).toBeUndefined();
    expect(parseNoticeRef('2026年第4季度', 2026)).toBeUndefined();
    expect(parseNoticeRef('上周', 2026)).toBeUndefined();
  });
});
