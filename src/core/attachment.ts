/** A file written under the export folder, to be sent through the outbox like a message. */
export interface ExportFile {
  /** Absolute path of the written file. */
  path: string;
  /** File name shown to the reader, e.g. `督办台账-2026-12-07.xlsx`. */
  name: string;
  /** Images go as pictures where the platform has them (Lark im/v1/images); everything else as a file. */
  kind: 'file' | 'image';
  bytes: number;
}

/** 红黄绿 (the usual) or 蓝黄红 (blue near the deadline, yellow behind pace, red overdue). */
export type ColourScheme = '红黄绿' | '蓝黄红';
