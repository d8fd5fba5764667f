import type { Request } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** A request from this machine itself, not relayed by a proxy (first-run setup, the Bot Framework Emulator). */
export function isLocalRequest(request: Request): boolean {
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && !request.get('x-forwarded-for') && !request.get('forwarded');
}
