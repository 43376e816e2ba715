// The production bundle that `npm run serve` starts: src/main.ts and the bot's own modules in a few
// files (dist/bundle/), so that a start reads and compiles a handful of files instead of ~400.
// Packages with native parts, their own workers or large lazily used code stay outside and are
// loaded from node_modules as before. `tsx src/bundle.ts [outdir]` (the last step of `npm run build`);
// `bundle(outdir)` for the test.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Loaded from node_modules at run time, not bundled. */
export const EXTERNAL: readonly string[] = [
  '@larksuiteoapi/*',
  '@resvg/*',
  '@expo-google-fonts/*',
  'better-sqlite3',
  'better-sqlite3-napi',
  'docx',
  'echarts',
  'exceljs',
  'file-box',
  'node-cron', // its background tasks fork a file of the package
  'pg',
  'wechaty',
  'wechaty-*',
];

/**
 * Files the bundled modules read beside themselves (`new URL('./…', import.meta.url)`): in the
 * bundle every module's URL is its chunk's, in the bundle's directory.
 */
const ASSETS: ReadonlyArray<[from: string, to: string]> = [
  ['src/directory/demo-directory.yaml', 'demo-directory.yaml'], // src/directory/load-directory.ts
  ['storage/sqlite/migrations', 'sqlite/migrations'], // storage/migrate.ts
  ['storage/postgres/migrations', 'migrations'], // storage/postgres/pg-migrate.ts
];

export async function bundle(outdir = 'dist/bundle'): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { main: 'src/main.ts' },
    bundle: true,
    splitting: true, // what the bot imports at first use (exporters, each platform's adapter) stays a chunk of its own
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    external: [...EXTERNAL],
    // Bundled CommonJS packages (yaml) call require() for Node's own modules: each chunk gets a
    // module-scoped one (esbuild renames the bot's own top-level `require`s around it).
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  for (const [from, to] of ASSETS) {
    mkdirSync(join(outdir, to, '..'), { recursive: true });
    cpSync(from, join(outdir, to), { recursive: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bundle(process.argv[2]);
