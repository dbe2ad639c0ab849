import { randomUUID } from 'node:crypto';
import { isRole, ROLES } from '@afterdesk/core';
import { inTenant, type Tx } from '../../db/scope.js';
import { hashPassword } from '../auth/secrets.js';
import type { Services } from '../context.js';
import { invalid } from '../errors.js';
import { withUniqueConflict } from '../unique-conflict.js';

export interface UserInput {
  tenantId: string;
  email: string;
  name: string;
  role: string;
  password: string;
}

/** Adds an agent who logs in with e-mail and password. */
export async function createUser(services: Services, input: UserInput) {
  return inTenant(services.db, input.tenantId, (tx) => insertUser(tx, input));
}

/** `createUser` in the caller's tenant transaction. An e-mail names one agent across all tenants. */
export async function insertUser(tx: Tx, input: UserInput) {
  if (!isRole(input.role)) {
    throw invalid(`Unknown role "${input.role}".`, [
      { field: '/role', message: `One of: ${ROLES.join(', ')}.` },
    ]);
  }
  if (input.password.length < 8) {
    throw invalid('The password is too short.', [{ field: '/password', message: 'At least 8 characters.' }]);
  }
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await withUniqueConflict(`An agent with e-mail ${input.email} exists already.`, () =>
    tx
      .insertInto('users')
      .values({
        id,
        tenant_id: input.tenantId,
        email: input.email,
        name: input.name,
        role: input.role,
        password_hash: passwordHash,
      })
      .execute(),
  );
  return { id, email: input.email, role: input.role };
}
