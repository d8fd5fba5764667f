import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { mayAccess, type Session, type StaffAccounts, type StaffUser } from './accounts.js';

/**
 * The console's HTTP guards: session cookie → staff member, CSRF tokens on every state-changing
 * request, role and region checks. A status-carrying error class keeps route code short.
 */

export const SESSION_COOKIE = 'lotse_session';
/** Double-submit token for forms that come before a session (login, setup). */
export const FORM_COOKIE = 'lotse_form';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function cookies(request: Request): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of (request.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) result[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return result;
}

export function cookieOptions(request: Request, maxAgeMs?: number) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: request.secure, path: '/', ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A fresh form token, set as a cookie and returned for the hidden form field. */
export function formToken(request: Request, response: Response): string {
  const existing = cookies(request)[FORM_COOKIE];
  const token = existing && /^[\w-]{32}$/.test(existing) ? existing : randomBytes(24).toString('base64url');
  response.cookie(FORM_COOKIE, token, cookieOptions(request));
  return token;
}

export interface ConsoleLocals {
  session: Session;
  sessionToken: string;
}

export function sessionOf(response: Response): Session {
  return (response.locals as ConsoleLocals).session;
}

/** Loads the session; API routes answer 401 without one, pages redirect to /login. */
export function requireSession(accounts: StaffAccounts, mode: 'api' | 'page'): RequestHandler {
  return (request, response, next) => {
    const token = cookies(request)[SESSION_COOKIE];
    const session = token ? accounts.session(token) : null;
    if (session === null || token === undefined) {
      if (mode === 'api') response.status(401).json({ error: 'not logged in' });
      else response.redirect(303, '/login');
      return;
    }
    Object.assign(response.locals, { session, sessionToken: token } satisfies ConsoleLocals);
    next();
  };
}

/** State-changing API requests carry the session's CSRF token in `X-CSRF-Token`. */
export const requireCsrf: RequestHandler = (request, response, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return next();
  if (!sameToken(request.get('x-csrf-token'), sessionOf(response).csrfToken)) {
    response.status(403).json({ error: 'missing or wrong CSRF token' });
    return;
  }
  next();
};

/** Throws 403 unless the user may work on the region (404 would tell whether it exists). */
export function checkRegion(user: StaffUser, region: string): void {
  if (!mayAccess(user, region)) throw new HttpError(403, `no access to region "${region}"`);
}

/** Errors → JSON with their status; anything unexpected is a 500 without details. */
export function apiErrors(logger: { error: (object: object, message: string) => void }) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    if (response.headersSent) return next(error);
    if (error instanceof HttpError) {
      response.status(error.status).json({ error: error.message });
      return;
    }
    if (error && typeof error === 'object' && 'type' in error && (error as { type: string }).type === 'entity.parse.failed') {
      response.status(400).json({ error: 'the body is not valid JSON' });
      return;
    }
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'console request failed');
    response.status(500).json({ error: 'internal error' });
  };
}
