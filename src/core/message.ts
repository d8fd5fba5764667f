/**
 * The channel-neutral conversation model. Adapters turn a messenger's update into an
 * `Incoming` and render each `Reply` for their messenger; the core never sees an SDK type.
 */

export interface GeoLocation {
  lat: number;
  lon: number;
}

export type Incoming =
  | IncomingBase & { kind: 'text'; text: string }
  | IncomingBase & { kind: 'command'; command: string; args: string }
  | IncomingBase & { kind: 'button'; payload: string }
  | IncomingBase & { kind: 'location'; location: GeoLocation }
  /** Anything the bot cannot read (stickers, voice, files): answered with a short hint. */
  | IncomingBase & { kind: 'unsupported' };

export interface IncomingBase {
  /** Channel name, e.g. `telegram`, `terminal`, `webchat`. */
  channel: string;
  /** The chat's id on that channel, as a string. */
  chatId: string;
  /** The messenger's idea of the user's language (e.g. Telegram `language_code`): a hint only. */
  languageHint?: string;
}

/** A button's payload: language-independent, at most 64 bytes (Telegram's callback_data limit). */
export interface Button {
  label: string;
  payload: string;
}

export type Block =
  /** The heading of an answer (a page title). */
  | { kind: 'title'; text: string }
  | { kind: 'text'; text: string }
  /** Sentences quoted from a page. */
  | { kind: 'quote'; text: string }
  /** Secondary information: "this page is only in German", a privacy line. */
  | { kind: 'note'; text: string }
  | { kind: 'link'; url: string; label: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'place'; title: string; address: string; details: string[]; location: GeoLocation | null };

export interface Reply {
  /** Language of the reply's texts, and its writing direction. */
  language: string;
  dir: 'ltr' | 'rtl';
  blocks: Block[];
  /** Rows of buttons under the message. */
  buttons?: Button[][];
  /** Ask the user to share their location, with this button label (channels that can). */
  requestLocation?: string;
}

export const MAX_PAYLOAD_BYTES = 64;

/** Builds a payload like `lang:ar`; throws when it would exceed what every channel accepts. */
export function payload(...parts: (string | number)[]): string {
  const value = parts.join(':');
  if (Buffer.byteLength(value, 'utf8') > MAX_PAYLOAD_BYTES) throw new Error(`payload too long: ${value}`);
  return value;
}

/** A command as messengers write them: `/start`, `/start@lotse_bot`, `/help topics`. */
const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/;

/** A typed message: a command when it is one, else text. One rule for every channel. */
export function textOrCommand(base: IncomingBase, text: string): Incoming {
  const command = COMMAND.exec(text.trim());
  if (command) return { ...base, kind: 'command', command: command[1]!.toLowerCase(), args: (command[2] ?? '').trim() };
  return { ...base, kind: 'text', text };
}

/** Splits `action:arg:arg`; null for something that is not a payload of ours. */
export function parsePayload(value: string): { action: string; args: string[] } | null {
  if (value.length === 0 || Buffer.byteLength(value, 'utf8') > MAX_PAYLOAD_BYTES || !/^[a-z]+(:[\w@.+-]*)*$/.test(value)) return null;
  const [action, ...args] = value.split(':');
  return { action: action!, args };
}
