import { type TSchema, Type } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDateTime = Type.String({ format: 'date-time', description: 'RFC 3339 date-time' });
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code' });
export const LanguageTag = Type.String({
  minLength: 2,
  maxLength: 35,
  description: 'BCP 47 tag, e.g. en, zh-CN',
});
/** Money in minor units (cents); never a float. */
export const AmountMinor = Type.Integer({ minimum: 0, maximum: 9_007_199_254_740_991 });
export const ExternalId = Type.String({ minLength: 1, maxLength: 200 });

/** RFC 9457 problem details with per-field messages. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), message: Type.String() }, { additionalProperties: false }),
      ),
    ),
    allowedActions: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'Problem', additionalProperties: true },
);

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as ?cursor= to get the next page',
    }),
  });
