import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Db } from '../store/database.js';

/**
 * Staff accounts and their server-side sessions. Passwords are hashed with scrypt (memory-hard);
 * a session id lives only in the staff member's cookie — the database keeps its SHA-256.
 */

export type Role = 'admin' | 'editor';

export interface StaffUser {
  id: number;
  name: string;
  role: Role;
  /** Regions an editor may work on; admins may work on all. */
  regions: string[];
}

export interface Session {
  user: StaffUser;
  csrfToken: string;
  expiresAt: number;
}

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const KEY_LENGTH = 32;
export const SESSION_TTL_MS = 12 * 3_600_000;
export const MIN_PASSWORD_LENGTH = 12;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

interface UserRow {
  id: number;
  name: string;
  password_hash: string;
  role: Role;
  regions: string;
}

const toUser = (row: UserRow): StaffUser => ({ id: row.id, name: row.name, role: row.role, regions: JSON.parse(row.regions) as string[] });

export class AccountError extends Error {
  override name = 'AccountError';
}

/** A hash to compare against when the name is unknown, so a wrong name costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

export class StaffAccounts {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM staff_users').get() as { n: number }).n;
  }

  list(): StaffUser[] {
    return (this.db.prepare('SELECT * FROM staff_users ORDER BY name').all() as UserRow[]).map(toUser);
  }

  async create(name: string, password: string, role: Role, regions: string[] = []): Promise<StaffUser> {
    if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(name)) throw new AccountError('a name of 2–64 letters, digits, . _ @ -');
    if (password.length < MIN_PASSWORD_LENGTH) throw new AccountError(`a password of at least ${MIN_PASSWORD_LENGTH} characters`);
    if (role === 'editor' && regions.length === 0) throw new AccountError('an editor needs at least one region');
    const hash = await hashPassword(password);
    try {
      const result = this.db
        .prepare('INSERT INTO staff_users (name, password_hash, role, regions, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(name, hash, role, JSON.stringify(role === 'admin' ? [] : regions), new Date(this.now()).toISOString());
      return { id: Number(result.lastInsertRowid), name, role, regions: role === 'admin' ? [] : regions };
    } catch (error) {
      if (error instanceof Error && /UNIQUE/.test(error.message)) throw new AccountError(`"${name}" exists already`);
      throw error;
    }
  }

  /** The user when name and password match; null otherwise (same time for unknown names). */
  async authenticate(name: string, password: string): Promise<StaffUser | null> {
    const row = this.db.prepare('SELECT * FROM staff_users WHERE name = ?').get(name) as UserRow | undefined;
    if (row === undefined) {
      decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(password, await decoyHash);
      return null;
    }
    return (await verifyPassword(password, row.password_hash)) ? toUser(row) : null;
  }

  startSession(user: StaffUser): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + SESSION_TTL_MS;
    this.db.prepare('DELETE FROM staff_sessions WHERE expires_at < ?').run(this.now());
    this.db.prepare('INSERT INTO staff_sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(sha256(token), user.id, csrfToken, this.now(), expiresAt);
    return { token, session: { user, csrfToken, expiresAt } };
  }

  session(token: string): Session | null {
    const row = this.db
      .prepare('SELECT u.*, s.csrf_token, s.expires_at FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.id_hash = ?')
      .get(sha256(token)) as (UserRow & { csrf_token: string; expires_at: number }) | undefined;
    if (row === undefined || row.expires_at < this.now()) return null;
    return { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  endSession(token: string): void {
    this.db.prepare('DELETE FROM staff_sessions WHERE id_hash = ?').run(sha256(token));
  }
}

/** Whether a user may work on a region. */
export function mayAccess(user: StaffUser, region: string): boolean {
  return user.role === 'admin' || user.regions.includes(region);
}
