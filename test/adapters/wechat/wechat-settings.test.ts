import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SettingsError } from '../../../src/config/settings-error.js';
import { isWechatConfigured, readWechatSettings } from '../../../src/adapters/wechat/wechat-settings.js';

describe('WeChat settings', () => {
  it('runs WeChat only when WECHATY_PUPPET is set, with careful-sending defaults and all rooms', () => {
    expect(isWechatConfigured({})).toBe(false);
    expect(isWechatConfigured({ WECHATY_PUPPET: ' ' })).toBe(false);
    expect(readWechatSettings({ WECHATY_PUPPET: 'wechaty-puppet-wechat4u' })).toEqual({
      puppet: 'wechaty-puppet-wechat4u',
      token: undefined,
      endpoint: undefined,
      rooms: [],
      minIntervalMs: 3000,
      maxPerMinute: 20,
    });
  });

  it('reads the served rooms (ids or topics, either comma) and the pacing', () => {
    const s = readWechatSettings({
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_padlocal_0123abcd',
      WECHATY_PUPPET_SERVICE_ENDPOINT: '10.0.0.5:8788',
      DUBAN_WECHAT_ROOMS: '省政府督办工作群， 123456@chatroom,',
      DUBAN_WECHAT_MIN_INTERVAL_MS: '5000',
      DUBAN_WECHAT_MAX_PER_MINUTE: '10',
    });
    expect(s).toMatchObject({
      token: 'puppet_padlocal_0123abcd',
      endpoint: '10.0.0.5:8788',
      rooms: ['省政府督办工作群', '123456@chatroom'],
      minIntervalMs: 5000,
      maxPerMinute: 10,
    });
  });

  it.each([
    [{ WECHATY_PUPPET: 'padlocal' }, 'WECHATY_PUPPET="padlocal" 须为 wechaty puppet 的 npm 包名'],
    [{ WECHATY_PUPPET: 'wechaty-puppet-service' }, 'WECHATY_PUPPET_SERVICE_TOKEN="" 使用 wechaty-puppet-service 时必须填写服务商提供的令牌'],
    [{ WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: 'abcdef' }, 'WECHATY_PUPPET_SERVICE_TOKEN="（已隐去）" 须带服务商前缀'],
    [
      { WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_x', WECHATY_PUPPET_SERVICE_ENDPOINT: 'http://h' },
      'WECHATY_PUPPET_SERVICE_ENDPOINT="http://h" 须写成「主机:端口」',
    ],
    [{ WECHATY_PUPPET: 'wechaty-puppet-wechat4u', DUBAN_WECHAT_MIN_INTERVAL_MS: '3s' }, 'DUBAN_WECHAT_MIN_INTERVAL_MS="3s" 须为整数'],
    [{ WECHATY_PUPPET: 'wechaty-puppet-wechat4u', DUBAN_WECHAT_MAX_PER_MINUTE: '0' }, 'DUBAN_WECHAT_MAX_PER_MINUTE="0" 不能小于 1'],
  ])('refuses %o naming the variable and the fix', (env, message) => {
    expect(() => readWechatSettings(env)).toThrow(SettingsError);
    expect(() => readWechatSettings(env)).toThrow(`配置有误：${message}`);
  });

  it('accepts a token without prefix when the TLS server name is given separately', () => {
    expect(
      readWechatSettings({
        WECHATY_PUPPET: 'wechaty-puppet-service',
        WECHATY_PUPPET_SERVICE_TOKEN: 'abcdef',
        WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME: 'puppet',
      }).token,
    ).toBe('abcdef');
  });

  it('npm start takes the WeChat path when WECHATY_PUPPET is set, and stops with the settings error', () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', ':memory:'], {
      input: '',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: '', DUBAN_DIRECTORY: '' },
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('督办助手无法启动：配置有误：WECHATY_PUPPET_SERVICE_TOKEN=""');
  });
});
