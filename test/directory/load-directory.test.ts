import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY_PATH, DirectoryError, loadDirectory, parseDirectory } from '../../src/directory/load-directory.js';

const demo = readFileSync(DEMO_DIRECTORY_PATH, 'utf8');

describe('directory', () => {
  it('loads the built-in demo province with leaders, deputies, office, heads and handlers', () => {
    const d = loadDirectory();
    expect(d.allUnits().length).toBeGreaterThanOrEqual(8);
    expect(d.withRole('主要领导').map((p) => p.name)).toEqual(['周建国']);
    expect(d.withRole('分管领导')).toHaveLength(2);
    expect(d.withRole('副秘书长')).toHaveLength(2);
    expect(d.withRole('督查室').length).toBeGreaterThanOrEqual(1);
    for (const u of d.allUnits()) {
      expect(d.unitHead(u.id), u.name).toBeDefined();
      expect(d.defaultResponsible(u.id), u.name).toBeDefined();
    }
  });

  it('finds units by alias: 省发展改革委 = 发改委', () => {
    const d = loadDirectory();
    expect(d.findUnit('发改委')?.id).toBe('fgw');
    expect(d.findUnit('省发展改革委')?.id).toBe('fgw');
    expect(d.findUnit(' 发 改 委 ')?.id).toBe('fgw');
    expect(d.coveringUnit('副秘书长', 'fgw').map((p) => p.name)).toEqual(['郑晓东']);
  });

  it('names the entry and field of an unknown unit reference', () => {
    const bad = demo.replace('covers: [fgw, czt, zrzyt, hz, jc]\n    substitute: huang-zhiyuan', 'covers: [fgw, czx, zrzyt, hz, jc]\n    substitute: huang-zhiyuan');
    expect(() => parseDirectory(bad, 'x.yaml')).toThrow(DirectoryError);
    expect(() => parseDirectory(bad, 'x.yaml')).toThrow(/people\[4\]（郑晓东）\.covers\[1\]：未知单位「czx」/);
  });

  it('names the entry and field of a bad role', () => {
    const bad = demo.replace('roles: [主要领导]', 'roles: [省长]');
    expect(() => parseDirectory(bad, 'x.yaml')).toThrow(/people\[0\]（周建国）\.roles\[0\]：角色须为/);
  });

  it('refuses a unit without a head, a duplicate alias and a substitute who is not a deputy', () => {
    expect(() => parseDirectory(demo.replace('roles: [单位主要负责人] }\n  - { id: wang-fang', 'roles: [经办人] }\n  - { id: wang-fang'), 'x')).toThrow(/省发展改革委）：没有人担任「单位主要负责人」/);
    expect(() => parseDirectory(demo.replace('aliases: [财政厅]', 'aliases: [财政厅, 发改委]'), 'x')).toThrow(/「发改委」已被单位 fgw 使用/);
    expect(() => parseDirectory(demo.replace('substitute: huang-zhiyuan', 'substitute: wang-fang'), 'x')).toThrow(/递补人 王芳 须为副秘书长或秘书长/);
  });

  it('refuses broken YAML and a missing file with a message that says what to do', () => {
    expect(() => parseDirectory('units: [', 'x.yaml')).toThrow(/不是有效的 YAML/);
    expect(() => loadDirectory('/nonexistent/dir.yaml')).toThrow(/DUBAN_DIRECTORY/);
    expect(() => parseDirectory('name: x\nunits: []\npeople: []\n', 'x.yaml')).toThrow(/units：至少要有一个单位/);
  });
});
