/**
 * What of an SDK error (an axios error, or the SDK's own formatted copy of one) may be logged:
 * the HTTP status, Lark's code and message, the method and the URL path. Never the request
 * config or body (which carry app_secret on the token call and message bodies on sends), never
 * headers (Authorization), never the whole object.
 */
export interface ErrorSummary {
  message?: string;
  status?: number;
  code?: number;
  msg?: string;
  method?: string;
  path?: string;
}

/** Secrets and tokens that must not reach a log line, whatever the text around them. */
const SECRETS: Array<[RegExp, string]> = [
  [
    /("?(?:app_secret|appSecret|AppSecret|app_access_token|tenant_access_token|user_access_token|access_token|refresh_token|encrypt_key|encryptKey|token|ClientAssertion)"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\s,&}]+)/gi,
    '$1"***"',
  ],
  [/(authorization["']?\s*[:=]\s*["']?)(?:Bearer\s+)?[^\s"',}]+/gi, '$1***'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer ***'],
  [/\b[tua]-[A-Za-z0-9]{16,}\b/g, '***'],
];

/** The text with secrets and tokens replaced by `***`. */
export function redact(text: string): string {
  return SECRETS.reduce((s, [re, to]) => s.replace(re, to), text);
}

function pathOf(url: unknown): string | undefined {
  if (typeof url !== 'string' || !url) return undefined;
  try {
    return new URL(url, 'http://x').pathname;
  } catch {
    return undefined;
  }
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function str(v: unknown, max = 200): string | undefined {
  return typeof v === 'string' && v ? redact(v).slice(0, max) : undefined;
}

/** The loggable summary of an error-like value; other values are reduced to their type. */
export function describeError(e: unknown): ErrorSummary {
  if (!e || typeof e !== 'object') return { message: str(String(e)) };
  const x = e as {
    message?: unknown;
    code?: unknown;
    msg?: unknown;
    response?: { status?: unknown; data?: unknown };
    config?: { url?: unknown; method?: unknown };
    request?: { path?: unknown; method?: unknown };
  };
  const data = x.response?.data && typeof x.response.data === 'object' ? (x.response.data as { code?: unknown; msg?: unknown }) : undefined;
  const out: ErrorSummary = {
    message: str(x.message),
    status: num(x.response?.status),
    code: num(data?.code) ?? num(x.code),
    msg: str(data?.msg) ?? str(x.msg),
    method: str(x.config?.method, 10) ?? str(x.request?.method, 10),
    path: pathOf(x.config?.url) ?? pathOf(x.request?.path),
  };
  for (const k of Object.keys(out) as Array<keyof ErrorSummary>) if (out[k] === undefined) delete out[k];
  return out;
}

/** One log-safe line for whatever the SDK hands its logger: strings redacted, objects summarized. */
export function describeLogArgs(args: unknown[]): string {
  const parts: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (typeof v === 'string') parts.push(redact(v));
    else if (typeof v === 'number' || typeof v === 'boolean') parts.push(String(v));
    else if (Array.isArray(v) && depth < 2) for (const x of v) walk(x, depth + 1);
    else if (v && typeof v === 'object') {
      const s = describeError(v);
      if (Object.keys(s).length > 0) parts.push(JSON.stringify(s));
    }
  };
  for (const a of args) walk(a, 0);
  return parts.join(' ').slice(0, 500);
}
