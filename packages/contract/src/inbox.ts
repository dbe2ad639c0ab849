import { type Static, Type } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './common.js';

// The agent inbox's saved views: a name for a set of GET /cases query parameters.

export const SavedViewInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'Unique among your own views' }),
    filters: Type.Record(Type.String({ minLength: 1, maxLength: 50 }), Type.String({ maxLength: 400 }), {
      maxProperties: 30,
      description: 'GET /cases query parameters as strings, e.g. { "assignee": "me", "sort": "sla" }',
    }),
  },
  { additionalProperties: false },
);
export type SavedViewInput = Static<typeof SavedViewInput>;
export const SavedView = Type.Object({
  id: Uuid,
  name: Type.String(),
  filters: Type.Record(Type.String(), Type.String()),
  createdAt: IsoDateTime,
});
