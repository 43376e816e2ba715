import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLarkSettings } from '../../../src/adapters/lark/lark-settings.js';
import { SettingsError } from '../../../src/config/settings-error.js';
import { FakeLark, messageEvent, postEvent } from './fake-lark.js';
import { KEY } from './lark-world.js';

const base = { LARK_APP_ID: 'cli_0123456789abcdef', LARK_APP_SECRET: 'secret-secret' };

describe('Lark settings', () => {
  it('defaults to the long connection on Feishu', () => {
    expect(readLarkSettings(base)).toMatchObject({ mode: 'ws', domain: 'https://open.feishu.cn', webhookPath: '/webhook/event', webhookPort: 3000 });
    expect(readLarkSettings({ ...base, LARK_DOMAIN: 'https://open.larksuite.com/' }).domain).toBe('https://open.larksuite.com');
  });

  it('names the variable and how to fix it', () => {
    const fails = (env: Record<string, string>, text: string) => {
      expect(() => readLarkSettings(env)).toThrow(SettingsError);
      expect(() => readLarkSettings(env)).toThrow(text);
    };
    fails({ ...base, LARK_APP_ID: 'app123' }, 'LARK_APP_ID="app123" 格式不对。在飞书开放平台「凭证与基础信息」页复制 App ID');
    fails({ LARK_APP_ID: base.LARK_APP_ID }, 'LARK_APP_SECRET=（已隐去） 缺少此项');
    fails({ ...base, LARK_MODE: 'poll' }, 'LARK_MODE="poll" 取值不对');
    fails({ ...base, LARK_MODE: 'webhook' }, 'LARK_MODE=webhook 时必须设置 LARK_ENCRYPT_KEY');
    fails({ ...base, LARK_WEBHOOK_PORT: '99999' }, 'LARK_WEBHOOK_PORT="99999" 须为端口号');
    fails({ ...base, LARK_DOMAIN: 'open.feishu.cn' }, 'LARK_DOMAIN="open.feishu.cn" 须为网址');
  });
});

describe('npm start with LARK_APP_ID set', () => {
  it('runs the Lark adapter (webhook mode) instead of the console, and answers in the group', async () => {
    const fake = new FakeLark();
    await fake.start();
    const dir = mkdtempSync(join(tmpdir(), 'lark-start-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DUBAN_DB: join(dir, 'duban.db'),
        DUBAN_DIRECTORY: '',
        WECHATY_PUPPET: '',
        LARK_APP_ID: 'cli_0123456789abcdef',
        LARK_APP_SECRET: 'secret-secret',
        LARK_ENCRYPT_KEY: KEY,
        LARK_DOMAIN: fake.base,
        LARK_MODE: 'webhook',
        LARK_WEBHOOK_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (b: Buffer) => (log += b.toString()));
    try {
      // A cold start under a busy test run can take a while; wait for the process to say so.
      for (let i = 0; i < 800 && !log.includes('督办助手已启动'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(log).toContain('督办助手已启动：飞书');
      // Port 0: the system picked a free one, and the log says which.
      // Logs are JSON lines: {"time":…,"level":"INFO","msg":"lark webhook listening","port":N}.
      const listening = log
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg?: string; port?: number })
        .find((l) => l.msg === 'lark webhook listening');
      const port = Number(listening?.port);
      const r = await postEvent(
        `http://127.0.0.1:${port}/webhook/event`,
        messageEvent({ from: 'ou_stranger', text: '@_user_1 帮助', mentions: [{ key: '@_user_1', name: '督办助手', openId: 'ou_bot' }] }),
        KEY,
      );
      expect(r.status).toBe(200);
      for (let i = 0; i < 400 && fake.sent.length === 0; i++) await new Promise((r2) => setTimeout(r2, 50));
      expect(JSON.parse(fake.sent[0]?.content ?? '{}').text).toContain('尚未登记在通讯录中');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      await fake.stop();
    }
  }, 90_000);
});
