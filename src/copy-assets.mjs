// Copies what the compiled program reads next to its modules: migrations and the demo directory.
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('dist/storage/migrations', { recursive: true });
cpSync('storage/migrations', 'dist/storage/migrations', { recursive: true });
cpSync('src/directory/demo-directory.yaml', 'dist/src/directory/demo-directory.yaml');
