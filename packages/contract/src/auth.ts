import { Type } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './common.js';

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

// --- API keys: a shop's systems calling the API; managed by admins (users:manage) ---

export const ApiKeyInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'What the key is for, e.g. "ERP sync"' }),
  },
  { additionalProperties: false },
);
export const ApiKeyView = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart; never the key' }),
  createdAt: IsoDateTime,
  revokedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export const ApiKeyCreated = Type.Composite([
  ApiKeyView,
  Type.Object({
    key: Type.String({ description: 'The key itself: shown this once, only its hash is kept' }),
  }),
]);
