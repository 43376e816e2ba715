/**
 * The layers of the codebase, lowest first. A file may import its own layer and the layers
 * below it, never one above. docs/ARCHITECTURE.md explains each layer.
 */
export const LAYERS = [
  { name: 'foundation', rank: 0, prefixes: ['src/time/', 'src/calendar/', 'src/config/zod-message.ts', 'src/config/settings-error.ts', 'src/texts/'] },
  {
    name: 'model',
    rank: 1,
    prefixes: ['src/domain/', 'src/directory/', 'storage/', 'src/core/reply.ts', 'src/core/command-button.ts', 'src/core/clock.ts', 'src/core/errors.ts', 'src/core/logger.ts'],
  },
  { name: 'core', rank: 2, prefixes: ['src/core/'] },
  { name: 'features', rank: 3, prefixes: ['commands/', 'src/parsing/', 'src/query/', 'src/reports/', 'src/render/', 'src/jobs/', 'src/outbox/', 'src/export/'] },
  { name: 'adapters', rank: 4, prefixes: ['src/adapters/'] },
  { name: 'composition', rank: 5, prefixes: ['src/'] },
] as const;

/** Index into LAYERS of the first layer one of whose prefixes the path starts with. */
export function rankOf(path: string): number | undefined {
  const i = layerOf(path);
  return i === undefined ? undefined : LAYERS[i]?.rank;
}

export function layerOf(path: string): number | undefined {
  let best: { i: number; len: number } | undefined;
  LAYERS.forEach((layer, i) => {
    for (const p of layer.prefixes) {
      if (path.startsWith(p) && (!best || p.length > best.len)) best = { i, len: p.length };
    }
  });
  return best?.i;
}

/** Upward imports that exist today; each is a debt to pay, and the list may only shrink. */
export const KNOWN_UPWARD_IMPORTS: string[] = [];

/** Import cycles that exist today (files of one cycle, sorted, joined with ' | '). */
export const KNOWN_CYCLES: string[] = [];
