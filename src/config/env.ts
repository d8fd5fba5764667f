import path from 'node:path';
import { z } from 'zod';

/**
 * Lotse's configuration, read once from the environment and validated, so that a typo in a
 * variable fails at start-up with a clear message instead of at the first message.
 * Secrets (bot tokens) are read by the adapters that need them and never logged.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Durations like `6h`, `30m`, `45s`, `1d` or plain seconds. */
const duration = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?\s*(ms|s|m|h|d)?$/i, 'a duration like "6h", "30m" or "90s"')
  .transform((value) => {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i.exec(value)!;
    const unit = (match[2] ?? 's').toLowerCase();
    const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit as 'ms' | 's' | 'm' | 'h' | 'd'];
    return Math.round(Number(match[1]) * factor);
  });

const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const schema = z.object({
  DATA_DIR: z.string().min(1).default('./data').transform((value) => path.resolve(value)),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Integreat regions to import and keep in sync, e.g. `augsburg,lkaugsburg`. */
  INTEGREAT_REGIONS: list.default([]),
  INTEGREAT_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://cms.integreat-app.de'),
  /** Languages to import from Integreat; empty = all the region has. */
  INTEGREAT_LANGUAGES: list.default([]),
  SYNC_INTERVAL: duration.default(6 * 3_600_000),
  /** Public base URL of this Lotse instance, used in links to its own page views. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Telegram: the adapter is on when the token is set. Never logged. */
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'a bot token like "123456:ABC-…" from @BotFather').optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).optional(),
  /** Webhook mode when set (else long polling): the public URL Telegram posts updates to. */
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$|^http$/ }).optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters of A–Z, a–z, 0–9, _ and -').optional(),
  /**
   * Bearer token for the announcements HTTP API (`/api/announcements`) until the staff console
   * brings accounts; the API is off without it. Never logged.
   */
  ADMIN_TOKEN: z.string().min(24, 'at least 24 characters').optional(),
  /** WhatsApp Cloud API: on when token, phone number id, app secret and verify token are set. Secrets are never logged. */
  WHATSAPP_TOKEN: z.string().min(10).optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d+$/, 'the numeric phone number id').optional(),
  WHATSAPP_APP_SECRET: z.string().min(8).optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8).optional(),
  WHATSAPP_API_ROOT: z.url({ protocol: /^https?$/ }).optional(),
  /** Pre-approved templates for announcements outside the 24-hour window: `{"news": {"de": "lotse_news_de"}}`. */
  WHATSAPP_TEMPLATES: z
    .string()
    .transform((value, ctx) => {
      try {
        return z.record(z.string(), z.record(z.string(), z.string())).parse(JSON.parse(value));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'JSON like {"news": {"de": "template_name"}}' });
        return z.NEVER;
      }
    })
    .optional(),
  /** Bot Framework (Azure Bot Service): on with app id and password. */
  MicrosoftAppId: z.string().min(1).optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppTenantId: z.string().min(1).optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Without credentials: accept unauthenticated activities from localhost (Bot Framework Emulator). */
  BOTFRAMEWORK_DEV_MODE: z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1').optional(),
  /** Websites allowed to embed the web chat (`https://www.stadt.example`); `*` for any. */
  WEBCHAT_ORIGINS: list.default(['*']),
  /** Regions whose new Integreat news and events are announced to subscribers automatically. */
  AUTO_ANNOUNCE_REGIONS: list.default([]),
}).superRefine((config, ctx) => {
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'required when TELEGRAM_WEBHOOK_URL is set, so forged updates are rejected' });
  }
});

/** The validated configuration; `PUBLIC_URL` defaults to this machine's address and port. */
export type Config = Omit<z.output<typeof schema>, 'PUBLIC_URL'> & { PUBLIC_URL: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set", as in most deployment tools' env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return { ...result.data, PUBLIC_URL: result.data.PUBLIC_URL ?? `http://localhost:${result.data.PORT}` };
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}
