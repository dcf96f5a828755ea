/**
 * One HTTP exchange with a REST service, on the platform's fetch: a deadline over the whole call
 * (retries included), transport failures as typed RestErrors, retries only when the caller says
 * the request is idempotent, and no secret in any message.
 */
import type { ErrorCode } from '../../common/errors';
import { RestError, redact, type RestService } from './errors';

export interface RetryPolicy {
  /** Attempts in all (1: no retry). */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** For idempotent GETs: three attempts, 100 ms then 200 ms (capped at 1 s), with jitter. */
export const GET_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

export interface RestRequest {
  service: RestService;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole call's budget, retries included. */
  timeoutMs: number;
  /** Set only for requests that are safe to repeat (a GET that changes nothing). */
  retry?: RetryPolicy;
  /** Values to mask in every message (passwords, tokens; their base64 and URL forms too). */
  secrets: readonly (string | undefined)[];
  /** Cancels the call (a closing app, a call that ended). */
  signal?: AbortSignal;
}

export interface RestResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** HTTP statuses worth another try of an idempotent request: the gateway or server is busy. */
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export async function restRequest(req: RestRequest): Promise<RestResponse> {
  const deadline = Date.now() + req.timeoutMs;
  const attempts = req.retry?.attempts ?? 1;
  for (let attempt = 1; ; attempt++) {
    const left = deadline - Date.now();
    let response: RestResponse | undefined;
    let failure: RestError | undefined;
    try {
      response = await once(req, left);
    } catch (err) {
      failure = toRestError(req, err, left);
    }
    const retryable = failure ? failure.code !== 'cancelled' : RETRYABLE_STATUS.has(response?.status ?? 0);
    const wait = backoff(req.retry, attempt);
    if (!retryable || attempt >= attempts || Date.now() + wait >= deadline) {
      if (failure) throw failure;
      return response as RestResponse;
    }
    await sleep(wait, req.signal);
  }
}

async function once(req: RestRequest, budgetMs: number): Promise<RestResponse> {
  const timeout = AbortSignal.timeout(Math.max(1, budgetMs));
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  const init: RequestInit = { method: req.method, signal, redirect: 'error' };
  if (req.headers) init.headers = req.headers;
  if (req.body !== undefined) init.body = req.body;
  const res = await fetch(req.url, init);
  // The body is read under the same signal: a server that sends headers then stalls times out too.
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}

function toRestError(req: RestRequest, err: unknown, budgetMs: number): RestError {
  const where = `${req.method} ${redact(req.url, req.secrets)}`;
  if (req.signal?.aborted) return new RestError(req.service, 'cancelled', `${where}: cancelled`);
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new RestError(req.service, 'timeout', `${where}: no reply within ${req.timeoutMs} ms`, {
      timeoutMs: req.timeoutMs,
      leftMs: Math.max(0, budgetMs),
    });
  }
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined;
  const causeCode = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  const code: ErrorCode = causeCode === 'ECONNREFUSED' ? 'connectionRefused' : 'network';
  const text = cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err);
  return new RestError(req.service, code, redact(`${where}: ${text}`, req.secrets), causeCode ? { cause: causeCode } : undefined);
}

function backoff(policy: RetryPolicy | undefined, attempt: number): number {
  if (!policy) return 0;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + Math.random() / 2));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** The "METHOD url: HTTP 503" part of a message for an unexpected status. */
export function unexpectedStatus(req: RestRequest, res: RestResponse): RestError {
  const snippet = redact(res.text.slice(0, 200), req.secrets).replace(/\s+/g, ' ').trim();
  return new RestError(
    req.service,
    'httpStatus',
    `${req.method} ${redact(req.url, req.secrets)}: HTTP ${res.status}${snippet ? ` (${snippet})` : ''}`,
    { httpStatus: res.status },
  );
}
