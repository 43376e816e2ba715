/**
 * The fake Lark Open Platform in a process of its own (forked by the load generator): the
 * tenant token, bot info and the send/reply endpoints of test/adapters/lark/fake-lark.ts.
 * Each reply it accepts is told to the parent over IPC as `{ a: <replied message id> }`, which
 * the load generator timestamps on its own clock.
 */
import { FakeLark } from '../../test/adapters/lark/fake-lark.js';

const send = (m: unknown) => process.send?.(m);
const fake = new FakeLark();
await fake.start();
fake.onSent = (m) => {
  // Memory stays flat over a long run: the ids the generator gives begin with om_in_, which
  // the fake accepts as reply targets without looking through what it sent.
  fake.sent.length = 0;
  if (m.replyTo) send({ a: m.replyTo });
};
process.on('disconnect', () => void fake.stop().finally(() => process.exit(0)));
send({ base: fake.base });
