/**
 * Rate limits on the routes anyone may call: sign-in (per client address, and per address and
 * e-mail) and anonymous validation (per address). The counters live in the database
 * (`rate_limits`, migration 0006) so that instances behind a load balancer share them; a
 * process without a database (some tests) counts in memory. Fixed windows: simple, and an
 * attacker gains at most one extra window's worth at a boundary.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../app/index.js';
import type { RateLimitCounter } from '../storage/index.js';

export interface RateLimit {
  readonly max: number;
  readonly timeWindowMs: number;
}

/** Sign-in attempts per client address and e-mail: guessing one password stays slow. */
export const LOGIN_PER_ACCOUNT: RateLimit = { max: 5, timeWindowMs: 60_000 };
/**
 * Sign-in attempts per client address, whatever the e-mail: stops spraying many accounts from
 * one address (341 attempts in 15 s before these limits), while an office of a few dozen people
 * behind one NAT address can still sign in at nine o'clock.
 */
export const LOGIN_PER_ADDRESS: RateLimit = { max: 30, timeWindowMs: 60_000 };

export function memoryRateLimitCounter(): RateLimitCounter {
  const windows = new Map<string, { count: number; resetAtMs: number }>();
  return {
    hit(key, windowMs, nowMs) {
      const current = windows.get(key);
      const next =
        current === undefined || current.resetAtMs <= nowMs
          ? { count: 1, resetAtMs: nowMs + windowMs }
          : { count: current.count + 1, resetAtMs: current.resetAtMs };
      windows.set(key, next);
      return Promise.resolve(next);
    },
    sweep(nowMs) {
      let swept = 0;
      for (const [key, window] of windows) {
        if (window.resetAtMs <= nowMs) {
          windows.delete(key);
          swept++;
        }
      }
      return Promise.resolve(swept);
    },
  };
}

/** Counts a hit on `key`; 429 RATE_LIMITED with retry-after once `limit.max` is passed. */
export async function enforceRateLimit(
  counter: RateLimitCounter,
  reply: FastifyReply,
  key: string,
  limit: RateLimit,
  message: string,
): Promise<void> {
  const now = Date.now();
  const { count, resetAtMs } = await counter.hit(key, limit.timeWindowMs, now);
  if (count <= limit.max) return;
  const seconds = Math.max(1, Math.ceil((resetAtMs - now) / 1000));
  void reply.header('retry-after', String(seconds));
  throw new AppError('RATE_LIMITED', `${message}; try again in ${seconds} s.`);
}

export function loginEmail(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
}
