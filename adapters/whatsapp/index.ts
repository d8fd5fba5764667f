import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { DeliveryError, type ChannelSender } from '../../src/broadcast/channel.js';
import type { Conversation } from '../../src/core/conversation.js';
import { textOrCommand, type Incoming, type Reply } from '../../src/core/message.js';
import type { Logger } from '../../src/log.js';
import type { Db } from '../../src/store/database.js';
import { renderForWhatsApp, type WhatsAppMessage } from './render.js';

/**
 * WhatsApp Cloud API: a webhook at `/whatsapp/webhook` (GET verification, POST with the
 * `X-Hub-Signature-256` HMAC checked against the raw body), replies sent with fetch to the
 * Graph API. Announcements respect the 24-hour rule: free-form only within 24 hours of the
 * user's last message, otherwise a pre-approved template per topic and language, or skipped.
 */

export const CHANNEL = 'whatsapp';
export const WINDOW_MS = 24 * 3_600_000;

export interface WhatsAppSettings {
  WHATSAPP_TOKEN?: string | undefined;
  WHATSAPP_PHONE_NUMBER_ID?: string | undefined;
  WHATSAPP_APP_SECRET?: string | undefined;
  WHATSAPP_VERIFY_TOKEN?: string | undefined;
  WHATSAPP_API_ROOT?: string | undefined;
  /** Template names per topic and language, e.g. `{"news": {"de": "lotse_news_de"}}`. */
  WHATSAPP_TEMPLATES?: Record<string, Record<string, string>> | undefined;
}

/** The Graph API said no or could not be reached. */
export class GraphError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export class WhatsAppClient {
  private readonly root: string;

  constructor(private readonly settings: Required<Pick<WhatsAppSettings, 'WHATSAPP_TOKEN' | 'WHATSAPP_PHONE_NUMBER_ID'>> & WhatsAppSettings) {
    this.root = (settings.WHATSAPP_API_ROOT ?? 'https://graph.facebook.com/v21.0').replace(/\/+$/, '');
  }

  async send(to: string, message: WhatsAppMessage | { type: 'template'; template: object }): Promise<void> {
    let response: Response;
    try {
      response = await fetch(`${this.root}/${this.settings.WHATSAPP_PHONE_NUMBER_ID}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.settings.WHATSAPP_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new GraphError(null, null, error instanceof Error ? error.message : String(error));
    }
    if (response.ok) return;
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: number; message?: string } };
    throw new GraphError(response.status, body.error?.code ?? null, body.error?.message ?? `HTTP ${response.status}`);
  }

  async sendReply(to: string, reply: Reply): Promise<void> {
    for (const message of renderForWhatsApp(reply)) await this.send(to, message);
  }
}

export function validSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface WebhookMessage {
  id: string;
  from: string;
  type: string;
  text?: { body?: string };
  interactive?: { button_reply?: { id?: string }; list_reply?: { id?: string } };
  button?: { payload?: string };
  location?: { latitude?: number; longitude?: number };
}

/** The channel-neutral message for a WhatsApp message. */
export function toIncoming(message: WebhookMessage, languageHint?: string): Incoming {
  const base = { channel: CHANNEL, chatId: message.from, ...(languageHint ? { languageHint } : {}) };
  const payload = message.interactive?.button_reply?.id ?? message.interactive?.list_reply?.id ?? message.button?.payload;
  if (payload) return { ...base, kind: 'button', payload };
  if (message.type === 'location' && typeof message.location?.latitude === 'number' && typeof message.location.longitude === 'number') {
    return { ...base, kind: 'location', location: { lat: message.location.latitude, lon: message.location.longitude } };
  }
  if (message.type === 'text' && typeof message.text?.body === 'string') return textOrCommand(base, message.text.body);
  return { ...base, kind: 'unsupported' };
}

export interface WhatsAppChannel {
  router: Router;
  sender: ChannelSender;
  /** Resolves when the messages received so far are answered (tests, shutdown). */
  idle: () => Promise<void>;
}

export function whatsappChannel(settings: WhatsAppSettings, deps: { conversation: Conversation; db: Db; logger: Logger; now?: () => number }): WhatsAppChannel | null {
  const { logger } = deps;
  const missing = (['WHATSAPP_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'] as const).filter((name) => !settings[name]);
  if (missing.length > 0) {
    logger.info({ missing }, 'WhatsApp adapter off');
    return null;
  }
  const now = deps.now ?? Date.now;
  const client = new WhatsAppClient({ ...settings, WHATSAPP_TOKEN: settings.WHATSAPP_TOKEN!, WHATSAPP_PHONE_NUMBER_ID: settings.WHATSAPP_PHONE_NUMBER_ID! });
  const touch = deps.db.prepare(
    `INSERT INTO channel_windows (channel, chat_id, last_inbound_at) VALUES ('${CHANNEL}', ?, ?)
     ON CONFLICT (channel, chat_id) DO UPDATE SET last_inbound_at = excluded.last_inbound_at`,
  );
  const lastInbound = deps.db.prepare<[string], { last_inbound_at: number }>(`SELECT last_inbound_at FROM channel_windows WHERE channel = '${CHANNEL}' AND chat_id = ?`);
  const seen = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  // Messages of one chat are answered in order.
  const queues = new Map<string, Promise<void>>();

  async function handle(message: WebhookMessage): Promise<void> {
    touch.run(message.from, now());
    const replies = await deps.conversation.handle(toIncoming(message));
    for (const reply of replies) await client.sendReply(message.from, reply);
  }

  const router = Router();
  router.get('/whatsapp/webhook', (request, response) => {
    if (request.query['hub.mode'] === 'subscribe' && request.query['hub.verify_token'] === settings.WHATSAPP_VERIFY_TOKEN) {
      return void response.type('text').send(String(request.query['hub.challenge'] ?? ''));
    }
    response.sendStatus(403);
  });
  router.post('/whatsapp/webhook', express.raw({ type: '*/*', limit: '1mb' }), (request, response) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (!validSignature(raw, request.get('x-hub-signature-256'), settings.WHATSAPP_APP_SECRET!)) return void response.sendStatus(401);
    let body: { entry?: { changes?: { value?: { messages?: WebhookMessage[] } }[] }[] };
    try {
      body = JSON.parse(raw.toString('utf8')) as typeof body;
    } catch {
      return void response.sendStatus(400);
    }
    // Answer at once: WhatsApp re-sends webhooks that are not acknowledged quickly.
    response.sendStatus(200);
    for (const entry of body.entry ?? []) {
      for (const change of entry.changes ?? []) {
        for (const message of change.value?.messages ?? []) {
          if (typeof message?.id !== 'string' || typeof message.from !== 'string' || seen.has(message.id)) continue;
          seen.add(message.id);
          if (seen.size > 10_000) seen.delete(seen.values().next().value!);
          const previous = queues.get(message.from) ?? Promise.resolve();
          const task = previous
            .then(() => handle(message))
            .catch((error: unknown) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'WhatsApp message failed'));
          queues.set(message.from, task);
          inFlight.add(task);
          void task.finally(() => {
            inFlight.delete(task);
            if (queues.get(message.from) === task) queues.delete(message.from);
          });
        }
      }
    }
  });

  const sender: ChannelSender = {
    // WhatsApp's throughput tiers start at 80 messages per second; 1 per chat per second is polite.
    limits: { perSecond: 80, perChatPerSecond: 1 },
    async send(chatId, reply, context) {
      try {
        const last = lastInbound.get(chatId)?.last_inbound_at ?? 0;
        if (now() - last < WINDOW_MS) return await client.sendReply(chatId, reply);
        const template = context ? settings.WHATSAPP_TEMPLATES?.[context.topic]?.[context.language] : undefined;
        if (template === undefined) throw new DeliveryError({ kind: 'not-allowed' }, 'outside the 24-hour window and no template for this topic and language');
        await client.send(chatId, { type: 'template', template: { name: template, language: { code: context!.language }, components: [{ type: 'body', parameters: [{ type: 'text', text: context!.text.slice(0, 1000) }] }] } });
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        if (error instanceof GraphError) {
          if (error.status === 429 || error.code === 130429 || error.code === 131056) throw new DeliveryError({ kind: 'rate-limited', retryAfterMs: 60_000 }, error.message);
          if (error.code === 131047) throw new DeliveryError({ kind: 'not-allowed' }, error.message); // re-engagement: window closed
          if (error.code === 131026 || error.code === 131051) throw new DeliveryError({ kind: 'gone' }, error.message); // not on WhatsApp / unsupported
          if (error.status === null || error.status >= 500) throw new DeliveryError({ kind: 'transient' }, error.message);
          throw new DeliveryError({ kind: 'rejected' }, error.message);
        }
        throw new DeliveryError({ kind: 'transient' }, error instanceof Error ? error.message : String(error));
      }
    },
  };

  logger.info('WhatsApp adapter on');
  return { router, sender, idle: async () => void (await Promise.all(inFlight)) };
}
