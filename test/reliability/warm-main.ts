/**
 * `src/main.ts`, loaded ahead of time: the modules are imported at once, main runs only when
 * a line arrives on stdin. The crash test starts the next bot this way while the current one
 * is still running, so a restart costs what a real restart after a crash costs (open the
 * ledger, start the adapter) and not the test runner's TypeScript loading.
 */
import '../../src/adapters/platforms.js';
import '../../src/adapters/lark/lark-adapter.js';
import '../../src/bootstrap.js';
import '../../storage/sqlite/ledger-guard.js';

await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
await import('../../src/main.js');
