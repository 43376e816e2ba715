import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { PlatformModule } from '../adapter.js';
import { isWechatConfigured, readWechatSettings } from './wechat-settings.js';

/** WeChat through wechaty: runs when WECHATY_PUPPET names a puppet. */
export const wechatPlatform: PlatformModule = {
  leaderOnly: true,
  name: 'wechat',
  label: '微信',
  isConfigured: isWechatConfigured,
  async create(env, core) {
    const settings = readWechatSettings(env);
    // Loaded only when WeChat is configured: importing wechaty takes about a second, and the
    // adapter's file-box (with jimp and qrcode) a third of one and some 30 MB.
    const { WechatyBuilder } = await import('wechaty');
    const { WechatAdapter } = await import('./wechat-adapter.js');
    // The memory card keeps the puppet's login session next to the database.
    const dataDir = dirname(env.DUBAN_DB || 'data/duban.db');
    mkdirSync(dataDir, { recursive: true });
    const bot = WechatyBuilder.build({
      name: join(dataDir, 'wechaty'),
      puppet: settings.puppet as 'wechaty-puppet-service',
      puppetOptions: settings.puppet === 'wechaty-puppet-service' ? { token: settings.token, endpoint: settings.endpoint } : {},
    });
    return new WechatAdapter({ core, bot, settings });
  },
};
