import type { Latency } from './measure.js';

export interface LarkResult {
  events: number;
  bot: Latency;
  echo: Latency;
  ratio: number;
}

/** Lark end to end: filled in once the Lark adapter lands. */
export async function benchLark(_events: number): Promise<LarkResult | undefined> {
  return undefined;
}
