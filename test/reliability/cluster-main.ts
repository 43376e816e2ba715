/**
 * `src/main.ts` for the cluster test: loaded ahead like warm-main.ts, with the business
 * clock under the test's control. DUBAN_TEST_NOW sets where the clock starts; a line
 * `clock <ISO instant>` on stdin moves it there (it then runs on in real time). Lark's
 * webhook timestamps keep using the real time.
 */
import { systemClock } from '../../src/core/clock.js';
import '../../src/adapters/platforms.js';
import '../../src/adapters/lark/lark-adapter.js';
import '../../src/bootstrap.js';

let offset = process.env.DUBAN_TEST_NOW ? Date.parse(process.env.DUBAN_TEST_NOW) - Date.now() : 0;
systemClock.now = () => new Date(Date.now() + offset);

let buffer = '';
let started = false;
process.stdin.on('data', (b: Buffer) => {
  buffer += b.toString();
  let i: number;
  while ((i = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, i).trim();
    buffer = buffer.slice(i + 1);
    if (line === 'go' && !started) {
      started = true;
      void import('../../src/main.js');
    } else if (line.startsWith('clock ')) {
      offset = Date.parse(line.slice(6)) - Date.now();
      process.stderr.write(`clock moved to ${line.slice(6)}\n`);
    }
  }
});
