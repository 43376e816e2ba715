// Copies what the compiled program reads next to its modules: both backends' migrations and the demo directory.
import { cpSync, mkdirSync } from 'node:fs';

for (const dir of ['storage/sqlite/migrations', 'storage/postgres/migrations']) {
  mkdirSync(`dist/${dir}`, { recursive: true });
  cpSync(dir, `dist/${dir}`, { recursive: true });
}
cpSync('src/directory/demo-directory.yaml', 'dist/src/directory/demo-directory.yaml');
