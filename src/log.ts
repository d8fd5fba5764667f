import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The process logger. Redaction is a safety net only: code must not log secrets, message texts
 * or chat ids in the first place.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: {
      paths: ['token', '*.token', 'password', '*.password', 'secret', '*.secret', 'headers.authorization', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
