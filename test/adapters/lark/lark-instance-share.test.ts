import { describe, expect, it } from 'vitest';
import { instanceShare } from '../../../src/adapters/lark/lark-settings.js';
import { SettingsError } from '../../../src/config/settings-error.js';

describe('DUBAN_INSTANCES: the app-wide send limit shared by instances', () => {
  it('gives one instance the whole limit and N instances 1/N each', () => {
    expect(instanceShare(50, {})).toBe(50);
    expect(instanceShare(50, { DUBAN_INSTANCES: '1' })).toBe(50);
    expect(instanceShare(50, { DUBAN_INSTANCES: '3' })).toBe(16);
    expect(instanceShare(50, { DUBAN_INSTANCES: '50' })).toBe(1);
  });

  it('refuses a wrong value, naming the variable', () => {
    for (const v of ['0', '2.5', 'abc', '51']) {
      expect(() => instanceShare(50, { DUBAN_INSTANCES: v })).toThrow(SettingsError);
      expect(() => instanceShare(50, { DUBAN_INSTANCES: v })).toThrow(/DUBAN_INSTANCES/);
    }
  });
});
