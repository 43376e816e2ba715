import type { PlatformModule } from '../adapter.js';
import { instanceShare, larkConfigured, readLarkSettings } from './lark-settings.js';

/** Feishu/Lark: started when LARK_APP_ID is set. */
export const larkPlatform: PlatformModule = {
  name: 'lark',
  label: '飞书',
  isConfigured: larkConfigured,
  async create(env, core) {
    const settings = readLarkSettings(env);
    const perApp = instanceShare(50, env);
    const { LarkAdapter } = await import('./lark-adapter.js');
    const { realTime } = await import('../pacing/limiter-time.js');
    return new LarkAdapter(settings, core, realTime, { perTarget: 5, perApp });
  },
};
