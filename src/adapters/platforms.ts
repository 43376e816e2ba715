import type { PlatformModule } from './adapter.js';
import { larkPlatform } from './lark/lark-platform.js';
import { wechatPlatform } from './wechat/wechat-platform.js';

/**
 * The chat platforms, each started when its settings are present. With none configured,
 * `npm start` runs the console group chat instead.
 */
export const PLATFORMS: readonly PlatformModule[] = [larkPlatform, wechatPlatform];
