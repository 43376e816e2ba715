import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/**
 * Starts the console bot (`src/main.ts`, no input) in a fresh directory whose `.env` sets
 * `name=value`, with `name` removed from the inherited environment so that only the file sets
 * it; returns the finished process (its stderr and exit status).
 */
export function startWithEnvFile(name: string, value: string): SpawnSyncReturns<string> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-env-file-'));
  writeFileSync(join(dir, '.env'), `${name}=${value}\n`);
  const env: NodeJS.ProcessEnv = { ...process.env, DUBAN_DIRECTORY: '', DUBAN_CALENDAR: '' };
  delete env[name];
  return spawnSync(process.execPath, ['--import', require.resolve('tsx'), join(ROOT, 'src/main.ts'), '--db', join(dir, 'duban.db')], {
    cwd: dir,
    input: '',
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
}
