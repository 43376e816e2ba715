import { summarize, type Latency } from '../measure.js';
import type { SignedEvent } from './events.js';

export interface SustainedResult {
  events: number;
  /** The rate the events actually went out at (the generator may fall behind on a loaded machine). */
  sentPerSecond: number;
  /** Webhook responses: time from posting to the HTTP answer. */
  webhook: Latency & { maxMs: number; failed: number };
  /** Time from posting to the answer reaching the platform, for the answers that arrived. */
  answer: Latency & { maxMs: number };
  delivered: number;
  /** Seconds from the last event posted to the last answer arriving. */
  drainSeconds: number;
}

/**
 * Open-loop load: event i goes out at start + i/rate whatever happened to the ones before
 * (a 5 ms tick sends every event that is due). Then waits until every answer has arrived at
 * the platform, or `settleMs` after the last event.
 */
export async function sustained(o: {
  url: string;
  events: SignedEvent[];
  rate: number;
  arrivals: Map<string, number>;
  settleMs: number;
  post: (url: string, e: SignedEvent) => Promise<number>;
}): Promise<SustainedResult> {
  const sentAt = new Map<string, number>();
  const responses: number[] = [];
  let failed = 0;
  const inFlight: Array<Promise<void>> = [];
  const t0 = performance.now();
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const due = Math.min(o.events.length, Math.floor(((performance.now() - t0) * o.rate) / 1000) + 1);
      for (; next < due; next++) {
        const e = o.events[next];
        if (!e) continue;
        const t = performance.now();
        sentAt.set(e.messageId, t);
        inFlight.push(
          o.post(o.url, e).then(
            (status) => {
              responses.push(performance.now() - t);
              if (status !== 200) failed += 1;
            },
            (e: unknown) => {
              responses.push(performance.now() - t);
              failed += 1;
              if (failed <= 3) process.stderr.write(`webhook post failed: ${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? '')}\n`);
            },
          ),
        );
      }
      if (next >= o.events.length) done();
      else setTimeout(tick, 5);
    };
    tick();
  });
  const lastSent = performance.now();
  const sentPerSecond = o.events.length / ((lastSent - t0) / 1000);
  await Promise.all(inFlight);
  const deadline = lastSent + o.settleMs;
  const all = () => o.events.every((e) => o.arrivals.has(e.messageId));
  while (!all() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const answers: number[] = [];
  let lastArrival = lastSent;
  for (const e of o.events) {
    const at = o.arrivals.get(e.messageId);
    const t = sentAt.get(e.messageId);
    if (at === undefined || t === undefined) continue;
    answers.push(at - t);
    lastArrival = Math.max(lastArrival, at);
  }
  return {
    events: o.events.length,
    sentPerSecond,
    webhook: { ...summarize(responses), maxMs: Math.max(...responses), failed },
    answer: { ...summarize(answers), maxMs: Math.max(0, ...answers) },
    delivered: answers.length,
    drainSeconds: (lastArrival - lastSent) / 1000,
  };
}
