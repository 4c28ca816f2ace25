import { timingSafeEqual } from 'node:crypto';
import { jwtVerify } from 'jose';
import type { Config } from '../config';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';

export type Role = 'editor' | 'reader';

/** Who is calling, worked out once per request from the Authorization header. */
export interface AuthInfo {
  /** A bearer token was sent. */
  presented: boolean;
  /** The token was recognised (an API key or a JWT with a valid signature). */
  valid: boolean;
  roles: ReadonlySet<Role>;
  subject: string | null;
}

export const ANONYMOUS: AuthInfo = { presented: false, valid: false, roles: new Set(), subject: null };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Reads `Authorization: Bearer <token>`: a configured editor/reader key, or an HS256 JWT
 * signed with JWT_SECRET whose `roles` (array) or `role` claim names the role. Never throws:
 * a bad token gives presented=true, valid=false and is refused where a role is required.
 */
export async function authenticate(header: string | undefined, cfg: Config['auth']): Promise<AuthInfo> {
  const m = /^Bearer\s+(\S{1,4096})\s*$/i.exec(header ?? '');
  if (!header) return ANONYMOUS;
  if (!m) return { presented: true, valid: false, roles: new Set(), subject: null };
  const token = m[1] as string;
  if (cfg.editorKeys.some((k) => sameSecret(k, token))) return { presented: true, valid: true, roles: new Set<Role>(['editor', 'reader']), subject: 'api-key' };
  if (cfg.readerKeys.some((k) => sameSecret(k, token))) return { presented: true, valid: true, roles: new Set<Role>(['reader']), subject: 'api-key' };
  if (cfg.jwtSecret && token.split('.').length === 3) {
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(cfg.jwtSecret), {
        algorithms: ['HS256'],
        ...(cfg.jwtIssuer ? { issuer: cfg.jwtIssuer } : {}),
      });
      const claimed = [...(Array.isArray(payload.roles) ? (payload.roles as unknown[]) : []), payload.role].filter((r): r is string => typeof r === 'string');
      const roles = new Set<Role>(['reader']);
      if (claimed.includes('editor')) roles.add('editor');
      return { presented: true, valid: true, roles, subject: typeof payload.sub === 'string' ? payload.sub : null };
    } catch {
      return { presented: true, valid: false, roles: new Set(), subject: null };
    }
  }
  return { presented: true, valid: false, roles: new Set(), subject: null };
}

/** Throws UNAUTHENTICATED without a valid token, FORBIDDEN when the token lacks `role`. */
export function requireRole(auth: AuthInfo, role: Role): void {
  if (!auth.presented) throw new UnauthenticatedError(`This operation needs the ${role} role: send Authorization: Bearer <token>`);
  if (!auth.valid) throw new UnauthenticatedError('The bearer token is not valid (unknown key, bad signature or expired)');
  if (!auth.roles.has(role)) throw new ForbiddenError(`This operation needs the ${role} role, which your token does not carry`);
}
