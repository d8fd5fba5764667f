import express, { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { escapeHtml } from '../server/html.js';
import { isLocalRequest } from '../server/local.js';
import { AccountError, SESSION_TTL_MS, type StaffAccounts } from './accounts.js';
import { FORM_COOKIE, SESSION_COOKIE, cookieOptions, cookies, formToken, sameToken } from './http.js';
import { consoleLanguage, consoleText, type ConsoleLanguage } from './texts.js';

/**
 * Login, logout and the one-time setup page. Forms carry a double-submit token (cookie and
 * hidden field); login attempts are limited per address; setup answers only on localhost and
 * only while no account exists.
 */

function page(language: ConsoleLanguage, title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/console/assets/console.css"></head>
<body class="narrow"><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function field(label: string, name: string, type: string, autocomplete: string): string {
  return `<label>${escapeHtml(label)}<input name="${name}" type="${type}" autocomplete="${autocomplete}" required></label>`;
}

function loginForm(request: Request, response: Response, message = ''): string {
  const language = consoleLanguage(request);
  const t = (key: string) => consoleText(language, key);
  return page(
    language,
    t('login.heading'),
    `${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/login"><input type="hidden" name="form_token" value="${escapeHtml(formToken(request, response))}">
${field(t('login.name'), 'name', 'text', 'username')}${field(t('login.password'), 'password', 'password', 'current-password')}
<button type="submit">${escapeHtml(t('login.submit'))}</button></form>`,
  );
}

export function authRoutes(accounts: StaffAccounts, options: { loginLimit?: number } = {}): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb' });
  const loginLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: options.loginLimit ?? 10,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Only failed attempts count: staff who log in often are not locked out.
    skipSuccessfulRequests: true,
    handler: (request, response) => {
      response.status(429).type('html').send(page(consoleLanguage(request), consoleText(consoleLanguage(request), 'login.heading'), `<p class="error" role="alert">${escapeHtml(consoleText(consoleLanguage(request), 'login.tooMany'))}</p>`));
    },
  });

  router.get('/login', (request, response) => {
    if (accounts.count() === 0 && isLocalRequest(request)) return response.redirect(303, '/setup');
    response.type('html').send(loginForm(request, response));
  });

  router.post('/login', loginLimiter, form, async (request, response) => {
    const body = request.body as Record<string, string | undefined>;
    if (!sameToken(body.form_token, cookies(request)[FORM_COOKIE])) return void response.status(403).type('text').send('missing or wrong form token');
    const user = await accounts.authenticate(String(body.name ?? ''), String(body.password ?? ''));
    if (user === null) return void response.status(401).type('html').send(loginForm(request, response, consoleText(consoleLanguage(request), 'login.failed')));
    const { token } = accounts.startSession(user);
    response.cookie(SESSION_COOKIE, token, cookieOptions(request, SESSION_TTL_MS));
    response.redirect(303, '/');
  });

  router.post('/logout', form, (request, response) => {
    const token = cookies(request)[SESSION_COOKIE];
    const session = token ? accounts.session(token) : null;
    if (session && token && sameToken((request.body as Record<string, string>).csrf_token, session.csrfToken)) accounts.endSession(token);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.redirect(303, '/login');
  });

  const setupAllowed = (request: Request) => accounts.count() === 0 && isLocalRequest(request);

  router.get('/setup', (request, response) => {
    if (!setupAllowed(request)) return void response.status(404).type('text').send('not found');
    const language = consoleLanguage(request);
    const t = (key: string) => consoleText(language, key);
    response.type('html').send(
      page(
        language,
        t('setup.heading'),
        `<p>${escapeHtml(t('setup.intro'))}</p><form method="post" action="/setup"><input type="hidden" name="form_token" value="${escapeHtml(formToken(request, response))}">
${field(t('login.name'), 'name', 'text', 'username')}${field(t('login.password'), 'password', 'password', 'new-password')}${field(t('setup.password2'), 'password2', 'password', 'new-password')}
<button type="submit">${escapeHtml(t('setup.submit'))}</button></form>`,
      ),
    );
  });

  router.post('/setup', loginLimiter, form, async (request, response) => {
    if (!setupAllowed(request)) return void response.status(404).type('text').send('not found');
    const body = request.body as Record<string, string | undefined>;
    if (!sameToken(body.form_token, cookies(request)[FORM_COOKIE])) return void response.status(403).type('text').send('missing or wrong form token');
    const language = consoleLanguage(request);
    const fail = (message: string) => response.status(400).type('html').send(page(language, consoleText(language, 'setup.heading'), `<p class="error" role="alert">${escapeHtml(message)}</p><p><a href="/setup">↩</a></p>`));
    if (body.password !== body.password2) return void fail(consoleText(language, 'setup.mismatch'));
    try {
      await accounts.create(String(body.name ?? ''), String(body.password ?? ''), 'admin');
    } catch (error) {
      if (error instanceof AccountError) return void fail(error.message);
      throw error;
    }
    response.redirect(303, '/login');
  });

  return router;
}
