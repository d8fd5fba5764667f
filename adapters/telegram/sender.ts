import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Api, GrammyError, HttpError } from 'grammy';
import { DeliveryError, type ChannelSender, type RateLimits } from '../../src/broadcast/channel.js';
import type { Reply } from '../../src/core/message.js';
import { renderForTelegram } from './render.js';

/**
 * Telegram for the broadcast engine: a plain Bot API client (no auto-retry — the engine decides
 * about retries) whose failures become channel-neutral `DeliveryError`s.
 */

/** Telegram's documented broadcast limits: about 30 messages per second, 1 per chat per second. */
export const TELEGRAM_LIMITS: RateLimits = { perSecond: 30, perChatPerSecond: 1 };

const GONE = [/bot was blocked/i, /chat not found/i, /user is deactivated/i, /bot was kicked/i, /have no rights to send/i, /PEER_ID_INVALID/i];

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) return new DeliveryError({ kind: 'rate-limited', retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 }, error.description);
    if (error.error_code === 403 || GONE.some((pattern) => pattern.test(error.description))) return new DeliveryError({ kind: 'gone' }, error.description);
    if (error.error_code >= 500) return new DeliveryError({ kind: 'transient' }, error.description);
    return new DeliveryError({ kind: 'rejected' }, error.description);
  }
  if (error instanceof HttpError) return new DeliveryError({ kind: 'transient' }, error.message);
  return new DeliveryError({ kind: 'transient' }, error instanceof Error ? error.message : String(error));
}

/** Kept-alive connections: a broadcast is thousands of requests to one host. */
const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 256 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 256 }) };

export function telegramSender(options: { token: string; apiRoot?: string; limits?: RateLimits }): ChannelSender {
  const api = new Api(options.token, {
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    baseFetchConfig: { agent: (url: URL) => (url.protocol === 'http:' ? agents.http : agents.https) } as never,
  });
  return {
    limits: options.limits ?? TELEGRAM_LIMITS,
    async send(chatId: string, reply: Reply): Promise<void> {
      try {
        for (const { text, ...other } of renderForTelegram(reply)) await api.sendMessage(Number(chatId), text, other);
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}
