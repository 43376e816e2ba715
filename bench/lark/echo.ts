/**
 * A minimal echo bot on the same Lark SDK, in a process of its own: webhook through
 * `adaptDefault`, decrypted and dispatched by the SDK, answered with a reply from the handler.
 * The floor the bot is compared with. Tells its port to the parent over IPC.
 */
import { createServer } from 'node:http';
import * as lark from '@larksuiteoapi/node-sdk';
import { ownCache } from '../../src/adapters/lark/lark-sdk.js';
import { answerStats } from './stats.js';

const [base = '', key = ''] = process.argv.slice(2);
const client = new lark.Client({ appId: 'cli_0123456789abcdee', appSecret: 'echo-secret', domain: base, cache: ownCache(), loggerLevel: lark.LoggerLevel.error });
const dispatcher = new lark.EventDispatcher({ encryptKey: key, loggerLevel: lark.LoggerLevel.error }).register({
  'im.message.receive_v1': async (data) => {
    await client.im.message.reply({ path: { message_id: data.message.message_id }, data: { msg_type: 'text', content: JSON.stringify({ text: JSON.parse(data.message.content).text }) } });
    return {};
  },
});
const server = createServer(lark.adaptDefault('/echo', dispatcher, { autoChallenge: true }));
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  process.send?.({ url: `http://127.0.0.1:${a && typeof a === 'object' ? a.port : 0}/echo` });
});
answerStats();
process.on('disconnect', () => server.close(() => process.exit(0)));
