import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A small stand-in for the Telegram Bot API on localhost: records calls, serves queued updates. */
export class FakeBotApi {
  readonly calls: { method: string; body: Record<string, unknown> }[] = [];
  private updates: object[] = [];
  /** Scripted failures for sendMessage, by chat id, used in order. */
  readonly failures = new Map<string, { status: number; description: string; retryAfter?: number }[]>();
  private server: Server | undefined;
  private waiters: (() => void)[] = [];

  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      request.on('end', () => {
        const method = request.url!.split('/').pop()!.split('?')[0]!;
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        this.calls.push({ method, body });
        for (const wake of this.waiters.splice(0)) wake();
        const reply = (result: unknown) => {
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ ok: true, result }));
        };
        if (method === 'getMe') return reply({ id: 1, is_bot: true, first_name: 'Lotse', username: 'lotse_test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false });
        if (method === 'getUpdates') {
          const offset = Number(body.offset ?? 0);
          const pending = this.updates.filter((update) => (update as { update_id: number }).update_id >= offset);
          if (pending.length > 0) return reply(pending);
          setTimeout(() => reply([]), 50);
          return;
        }
        const failure = method === 'sendMessage' ? this.failures.get(String(body.chat_id))?.shift() : undefined;
        if (failure) {
          response.statusCode = failure.status;
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ ok: false, error_code: failure.status, description: failure.description, ...(failure.retryAfter ? { parameters: { retry_after: failure.retryAfter } } : {}) }));
          return;
        }
        if (method === 'sendMessage') return reply({ message_id: this.calls.length, date: 0, chat: { id: body.chat_id, type: 'private' }, text: body.text });
        return reply(true);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  queue(...updates: object[]): void {
    this.updates.push(...updates);
  }

  sent(method = 'sendMessage') {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `count` calls of a method have arrived (no fixed sleeps). */
  async waitFor(method: string, count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.sent(method).length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} ${method}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

let nextUpdateId = 1000;
const user = { id: 555, is_bot: false, first_name: 'Amina', language_code: 'ar' };
const chat = { id: 555, type: 'private' as const, first_name: 'Amina' };

export const updates = {
  text: (text: string, updateId = nextUpdateId++) => ({ update_id: updateId, message: { message_id: updateId, date: 1_700_000_000, chat, from: user, text, ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}) } }),
  button: (data: string, updateId = nextUpdateId++) => ({ update_id: updateId, callback_query: { id: `cb${updateId}`, from: user, chat_instance: 'x', data, message: { message_id: 1, date: 1_700_000_000, chat, text: 'old' } } }),
  location: (latitude: number, longitude: number, updateId = nextUpdateId++) => ({ update_id: updateId, message: { message_id: updateId, date: 1_700_000_000, chat, from: user, location: { latitude, longitude } } }),
  sticker: (updateId = nextUpdateId++) => ({ update_id: updateId, message: { message_id: updateId, date: 1_700_000_000, chat, from: user, sticker: { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } }),
  edited: (updateId = nextUpdateId++) => ({ update_id: updateId, edited_message: { message_id: 1, date: 1_700_000_000, edit_date: 1_700_000_001, chat, from: user, text: 'edited' } }),
};

export const botInfo = { id: 1, is_bot: true as const, first_name: 'Lotse', username: 'lotse_test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false };
