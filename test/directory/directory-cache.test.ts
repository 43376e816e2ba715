import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY_PATH, loadDirectory } from '../../src/directory/load-directory.js';
import { DirectoryCache } from '../../src/directory/directory-cache.js';

describe('directory cache', () => {
  it('serves an unchanged file from the cache, with the same people and units, and never a changed one', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dir-cache-')), 'directory.yaml');
    const text = `${readFileSync(DEMO_DIRECTORY_PATH, 'utf8')}\n# copy ${Math.random()}\n`;
    writeFileSync(file, text);
    const cached = join(tmpdir(), 'duban-directory-cache', `${DirectoryCache.key(text)}.json`);
    expect(existsSync(cached)).toBe(false);
    const first = loadDirectory(file);
    expect(existsSync(cached)).toBe(true);
    const second = loadDirectory(file);
    expect(second.allPeople()).toEqual(first.allPeople());
    expect(second.personName('wang-fang')).toBe(first.personName('wang-fang'));
    expect(second.unitName('fgw')).toBe(first.unitName('fgw'));

    writeFileSync(file, text.replace('王芳', '王芳芳'));
    expect(loadDirectory(file).personName('wang-fang')).toBe('王芳芳');
  });

  it('still reports a broken file, cache or not', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dir-cache-')), 'directory.yaml');
    writeFileSync(file, 'units: [1, 2\n');
    expect(() => loadDirectory(file)).toThrow(/不是有效的 YAML/);
    expect(() => loadDirectory(file)).toThrow(/不是有效的 YAML/);
  });
});
