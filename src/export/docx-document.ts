import { AlignmentType, BorderStyle, Document, ImageRun, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocumentBlock, OfficialDocument } from './official-document.js';

/**
 * The one module that knows `docx`: writes an OfficialDocument in the GB/T 9704 layout. A4,
 * margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; 发文机关标志 in red 小标宋, a red
 * separator under the 发文字号; title 2号小标宋 centred; body 3号仿宋 with a two-character indent
 * and a fixed 28 pt line; headings 3号黑体; signature and date right-aligned four characters in.
 */

const MM = 56.7; // twips per millimetre
const RED = 'FF0000';
export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体' } as const;
/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZES = { issuer: 72, title: 44, body: 32, table: 28 } as const;
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt

const run = (text: string, font: string, size: number, extra: { color?: string; bold?: boolean } = {}) => new TextRun({ text, font: { name: font, eastAsia: font }, size, ...extra });

const body = (text: string) => new Paragraph({ children: [run(text, FONTS.body, SIZES.body)], indent: { firstLine: 640 }, spacing: LINE, alignment: AlignmentType.JUSTIFIED });

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, FONTS.body, SIZES.table, { bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

function block(b: DocumentBlock): Paragraph | Table {
  switch (b.kind) {
    case 'heading':
      return new Paragraph({ children: [run(b.text, FONTS.heading, SIZES.body)], indent: { firstLine: 640 }, spacing: LINE });
    case 'paragraph':
      return body(b.text);
    case 'table':
      return table(b.header, b.rows);
    case 'image':
      return new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: b.data, transformation: { width: b.width, height: b.height } })] });
  }
}

export function documentOf(d: OfficialDocument): Document {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 }, children: [run(d.issuer, FONTS.title, SIZES.issuer, { color: RED })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480 },
      border: { bottom: { color: RED, style: BorderStyle.SINGLE, size: 12, space: 8 } },
      children: [run(d.number, FONTS.body, SIZES.body)],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, ...LINE }, children: [run(d.title, FONTS.title, SIZES.title)] }),
    new Paragraph({ spacing: LINE, children: [run(`${d.recipients}：`, FONTS.body, SIZES.body)] }),
    ...d.body.map(block),
    new Paragraph({ spacing: { before: 560, ...LINE }, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(d.signature, FONTS.body, SIZES.body)] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(d.date, FONTS.body, SIZES.body)] }),
  ];
  return new Document({
    creator: '督办助手',
    title: d.title,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) } } },
        children,
      },
    ],
  });
}

/** The .docx bytes of a document. */
export function writeDocx(d: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(documentOf(d));
}
