import type { Clock } from '../../clock.js';
import type { RefundRepository } from './repository.js';

/** One refund as billing receives it. The key is the same on every resend of the same refund. */
export interface BillingRequest {
  idempotencyKey: string;
  refundId: number;
  ticketNumber: string;
  customerPhone: string;
  amountFen: number;
  reason: string;
}

/** sent: billing has it (now or on an earlier try); retry: try later; refused: billing said no, a person must look */
export type BillingResult = { kind: 'sent'; reference: string } | { kind: 'retry'; error: string } | { kind: 'refused'; error: string };

export interface BillingAdapter {
  name: string;
  send(r: BillingRequest): Promise<BillingResult>;
}

export interface BillingConfig {
  url: string | null;
  timeoutMs: number;
  token: string | null;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
}

const intIn = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}=${raw} is not valid: a whole number from ${min} to ${max}`);
  return n;
};

/** BILLING_URL (unset: the built-in ledger), BILLING_TIMEOUT_MS, BILLING_TOKEN, BILLING_RETRY_BASE_SECONDS, BILLING_RETRY_MAX_SECONDS */
export function loadBillingConfig(env: NodeJS.ProcessEnv): BillingConfig {
  const url = env.BILLING_URL || null;
  if (url !== null) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new Error('BILLING_URL is not valid: an http(s) address of the billing system’s refund endpoint');
  }
  return {
    url,
    timeoutMs: intIn(env, 'BILLING_TIMEOUT_MS', 5000, 100, 120_000),
    token: env.BILLING_TOKEN || null,
    retryBaseSeconds: intIn(env, 'BILLING_RETRY_BASE_SECONDS', 30, 1, 3600),
    retryMaxSeconds: intIn(env, 'BILLING_RETRY_MAX_SECONDS', 3600, 1, 86_400),
  };
}

// Billing over HTTP: POST the refund as JSON with an Idempotency-Key header. 2xx (or 409: that key was applied
// already) is sent; a timeout, a network error, 408, 429 or 5xx is tried again later; any other 4xx is refused.
export function createHttpBillingAdapter(c: { url: string; timeoutMs: number; token?: string | null }): BillingAdapter {
  return {
    name: 'http',
    async send(r) {
      let res: Response;
      try {
        res = await fetch(c.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': r.idempotencyKey,
            ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
          },
          body: JSON.stringify(r),
          signal: AbortSignal.timeout(c.timeoutMs),
        });
      } catch (err) {
        const e = err as Error;
        return { kind: 'retry', error: e.name === 'TimeoutError' ? `no answer within ${c.timeoutMs} ms` : `unreachable: ${e.message}` };
      }
      const text = await res.text().catch(() => '');
      if (res.ok || res.status === 409) {
        let reference = r.idempotencyKey;
        try {
          const body = JSON.parse(text) as { reference?: unknown; id?: unknown };
          if (typeof body.reference === 'string' || typeof body.reference === 'number') reference = String(body.reference);
          else if (typeof body.id === 'string' || typeof body.id === 'number') reference = String(body.id);
        } catch {
          // a body that is not JSON still means billing has it
        }
        return { kind: 'sent', reference: reference.slice(0, 120) };
      }
      const error = `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
      return res.status === 408 || res.status === 429 || res.status >= 500 ? { kind: 'retry', error } : { kind: 'refused', error };
    },
  };
}

/** The demo's billing system: a ledger table in the same database, credited once per key. */
export function createLedgerBillingAdapter(repo: RefundRepository, clock: Clock): BillingAdapter {
  return {
    name: 'ledger',
    async send(r) {
      const id = await repo.credit({
        key: r.idempotencyKey,
        customerPhone: r.customerPhone,
        amountFen: r.amountFen,
        ticketNumber: r.ticketNumber,
        at: clock.now().toISOString(),
      });
      return { kind: 'sent', reference: `LEDGER-${id}` };
    },
  };
}
