import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the Bot Framework connector service: records every activity the bot sends. */
export class FakeConnector {
  readonly received: { path: string; body: Record<string, unknown> }[] = [];
  private server: Server | undefined;

  /** Starts listening; returns the service URL to put in incoming activities. */
  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      request.on('end', () => {
        this.received.push({ path: request.url!, body: JSON.parse(raw || '{}') as Record<string, unknown> });
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ id: `reply-${this.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
