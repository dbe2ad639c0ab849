import { Type } from '@sinclair/typebox';
import { Uuid } from './common.js';

export const LoginInput = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export const Me = Type.Object({
  tenantId: Uuid,
  kind: Type.String(),
  id: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.String(), Type.Null()]),
  permissions: Type.Array(Type.String()),
});
export const CustomerTokenInput = Type.Object(
  {
    orderNumber: Type.String({ minLength: 1, maxLength: 100 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
    tenantId: Uuid,
  },
  { additionalProperties: false },
);
export const CustomerToken = Type.Object({
  token: Type.String(),
  expiresAt: Type.String(),
  customerId: Uuid,
});
