import type { IncomingMessage } from 'node:http';

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too_large' } | { kind: 'timeout' } | { kind: 'aborted' };

/**
 * Reads a request body of at most `max` bytes within `timeoutMs`. A body over the cap or too
 * slow is not waited for: the caller answers and the connection is closed.
 */
export function readBody(req: IncomingMessage, max: number, timeoutMs: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.removeAllListeners('data');
      if (r.kind !== 'ok') req.pause();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    timer.unref();
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) finish({ kind: 'too_large' });
      else chunks.push(c);
    });
    req.on('end', () => finish({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}
