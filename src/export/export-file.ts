import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type { ExportFile } from '../core/attachment.js';
import type { ExportFile } from '../core/attachment.js';

/** Largest file and picture, in bytes, a platform takes. */
export type FileLimits = Record<string, { file: number; image: number }>;

/**
 * Largest file each platform takes: Lark im/v1/files 30 MB and im/v1/images 10 MB (and no empty
 * file); WeChat (through the puppet) kept to 25 MB for files and 10 MB for pictures. The console
 * writes files of any size.
 */
export const FILE_LIMITS: FileLimits = {
  lark: { file: 30 * 1024 * 1024, image: 10 * 1024 * 1024 },
  wechat: { file: 25 * 1024 * 1024, image: 10 * 1024 * 1024 },
};

/** Why a platform cannot take the file, in a reader's words; undefined when it can. */
export function sizeRefusal(platform: string, file: Pick<ExportFile, 'bytes' | 'kind' | 'name'>, limits: FileLimits = FILE_LIMITS): string | undefined {
  const limit = limits[platform]?.[file.kind];
  if (limit === undefined) return undefined;
  const where = platform === 'lark' ? '飞书' : '微信';
  if (file.bytes === 0) return `文件 ${file.name} 为空（0 字节），${where}不接收空文件，未发送。`;
  if (file.bytes <= limit) return undefined;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `文件 ${file.name} 大小 ${mb(file.bytes)}，超过${where}单个${file.kind === 'image' ? '图片' : '文件'}上限 ${mb(limit)}，未发送。请缩小导出范围（按单位或时段），或由管理员在服务器 导出目录 中取用。`;
}

/** `<dir>/<name>`, creating the folder; a name already there gets `-2`, `-3` … before its extension. */
export function exportPath(dir: string, name: string, exists: (p: string) => boolean): string {
  const base = resolve(dir);
  mkdirSync(base, { recursive: true });
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n++) {
    const p = join(base, n === 1 ? name : `${stem}-${n}${ext}`);
    if (!exists(p)) return p;
  }
}
