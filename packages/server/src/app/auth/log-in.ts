import { sql } from 'kysely';
import { inSystem } from '../../db/scope.js';
import type { Services } from '../context.js';
import { AppError } from '../errors.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';

// Verified against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => {
  dummyHash ??= hashPassword('no such agent');
  return dummyHash;
};

/** E-mail and password in, a session token out (sent back as an http-only cookie). */
export async function logIn(services: Services, email: string, password: string) {
  const user = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('users')
      .select(['id', 'tenant_id', 'password_hash', 'active', 'name', 'role'])
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst(),
  );
  const valid = await verifyPassword(user?.password_hash ?? (await unknownUserHash()), password);
  if (!user || !valid || !user.active)
    throw new AppError('unauthenticated', 'The e-mail or the password is wrong.');
  const token = newToken('ses');
  const expiresAt = new Date(services.clock().getTime() + services.config.sessionHours * 3_600_000);
  await inSystem(services.db, (tx) =>
    tx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        tenant_id: user.tenant_id,
        user_id: user.id,
        expires_at: expiresAt,
      })
      .execute(),
  );
  return {
    token,
    expiresAt,
    user: { id: user.id, tenantId: user.tenant_id, name: user.name, role: user.role },
  };
}

export async function logOut(services: Services, token: string) {
  await inSystem(services.db, (tx) =>
    tx.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute(),
  );
}
