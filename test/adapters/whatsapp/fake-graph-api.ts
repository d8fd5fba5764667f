import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the WhatsApp Graph API: records sent messages; scripted errors per recipient. */
export class FakeGraphApi {
  readonly messages: { to: string; body: Record<string, unknown>; authorization: string | undefined }[] = [];
  readonly failures = new Map<string, { status: number; code: number; message: string }[]>();
  private server: Server | undefined;

  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      request.on('end', () => {
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        const to = String(body.to);
        response.setHeader('content-type', 'application/json');
        const failure = this.failures.get(to)?.shift();
        if (failure) {
          response.statusCode = failure.status;
          return void response.end(JSON.stringify({ error: { code: failure.code, message: failure.message } }));
        }
        this.messages.push({ to, body, authorization: request.headers.authorization });
        response.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: `wamid.${this.messages.length}` }] }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
