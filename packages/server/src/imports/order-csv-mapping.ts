import { readFile } from 'node:fs/promises';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

// A mapping is data, not code, so a merchant can describe their shop's export in a JSON file and
// import it without a release. Written as a TypeBox schema so loading a file validates it and names
// the exact field that is wrong.

const ColumnSource = Type.Object(
  {
    column: Type.String({ description: 'Header name of the CSV column (the empty string is allowed)' }),
    prefix: Type.Optional(Type.String({ description: 'Put before the value, e.g. "olist-"' })),
    map: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description:
          'Replaces cell values, e.g. country names by codes; an empty replacement means "no value"',
      }),
    ),
    unmapped: Type.Optional(
      Type.Union([Type.Literal('keep'), Type.Literal('omit'), Type.Literal('error')], {
        description: 'What to do with a value the map lacks (default keep)',
      }),
    ),
    translate: Type.Optional(
      Type.Boolean({ description: 'Translate through the category translation table' }),
    ),
    humanize: Type.Optional(Type.Boolean({ description: 'Write "bed_bath_table" as "bed bath table"' })),
  },
  { additionalProperties: false },
);
const ConstantSource = Type.Object(
  { value: Type.String({ description: 'The same value for every row' }) },
  { additionalProperties: false },
);
const ValueSource = Type.Union([ColumnSource, ConstantSource]);
const DateSource = Type.Object(
  {
    column: Type.String(),
    format: Type.Optional(
      Type.String({
        description: '"iso" (default), "sql" (2017-08-30 11:41:01.000) or a Luxon pattern (M/d/yyyy H:mm)',
      }),
    ),
    zone: Type.Optional(Type.String({ description: 'IANA zone of times without an offset (default UTC)' })),
  },
  { additionalProperties: false },
);

/** How the columns of one CSV export become `OrderInput`s. JSON-serialisable. */
export const OrderCsvMapping = Type.Object(
  {
    name: Type.Optional(Type.String()),
    delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1, description: 'Default ","' })),
    decimalSeparator: Type.Optional(Type.Union([Type.Literal('.'), Type.Literal(',')])),
    nullValues: Type.Optional(
      Type.Array(Type.String(), { description: 'Cell texts meaning "no value" (default [""])' }),
    ),
    grouping: Type.Optional(
      Type.Union([Type.Literal('by-key'), Type.Literal('consecutive')], {
        description:
          'by-key (default): rows of one order may be anywhere; orders are held in memory until the end. ' +
          'consecutive: rows of one order are adjacent; memory stays flat for files of any size.',
      }),
    ),
    order: Type.Object(
      {
        key: ColumnSource,
        number: Type.Optional(ValueSource),
        placedAt: DateSource,
        currency: ValueSource,
        status: Type.Optional(ValueSource),
        storeCode: Type.Optional(ValueSource),
        shipping: Type.Optional(ValueSource),
      },
      { additionalProperties: false },
    ),
    cancellation: Type.Optional(
      Type.Object(
        {
          keyPrefix: Type.String({
            minLength: 1,
            description: 'Orders whose key starts with this are credit notes with negative quantities',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    customer: Type.Optional(
      Type.Object(
        {
          externalId: Type.Optional(ValueSource),
          email: Type.Optional(ValueSource),
          name: Type.Optional(ValueSource),
          phone: Type.Optional(ValueSource),
          country: Type.Optional(ValueSource),
          language: Type.Optional(ValueSource),
        },
        { additionalProperties: false },
      ),
    ),
    line: Type.Object(
      {
        externalId: Type.Optional(ValueSource),
        sku: ValueSource,
        title: ValueSource,
        category: Type.Optional(ValueSource),
        attributes: Type.Optional(Type.Record(Type.String(), ValueSource)),
        quantity: ValueSource,
        unitPrice: Type.Optional(ValueSource),
        lineTotal: Type.Optional(ValueSource),
        discount: Type.Optional(ValueSource),
        allowZeroPrice: Type.Optional(
          Type.Boolean({ description: 'Accept lines priced 0 (default: a row error)' }),
        ),
      },
      { additionalProperties: false },
    ),
    review: Type.Optional(
      Type.Object(
        {
          externalId: Type.Optional(
            Type.Union([ColumnSource, ConstantSource], {
              description: "The review's id in the shop (default: the order key); re-imports update by it",
            }),
          ),
          score: Type.Union([ColumnSource, ConstantSource], {
            description: 'A whole number from 1 to 5; a row with no score carries no review',
          }),
          comment: Type.Optional(ValueSource),
          reviewedAt: DateSource,
        },
        { additionalProperties: false },
      ),
    ),
    shipment: Type.Optional(
      Type.Object(
        {
          carrier: ValueSource,
          trackingNumber: Type.Optional(ValueSource),
          shippedAt: Type.Optional(DateSource),
          deliveredAt: Type.Optional(DateSource),
          estimatedAt: Type.Optional(DateSource),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
/** See the `OrderCsvMapping` schema for the meaning of each field. */
export type OrderCsvMapping = Static<typeof OrderCsvMapping>;
export type ValueSource = Static<typeof ValueSource>;
export type DateSource = Static<typeof DateSource>;

/** A mapping that cannot be used; the message names the field or column at fault. */
export class OrderCsvMappingError extends Error {
  override name = 'OrderCsvMappingError';
}

/** Checks parsed JSON against the mapping schema; `source` names the file in the error message. */
export function parseMapping(json: unknown, source = 'mapping'): OrderCsvMapping {
  if (!Value.Check(OrderCsvMapping, json)) {
    const problems = [...Value.Errors(OrderCsvMapping, json)]
      .slice(0, 5)
      .map((e) => `${e.path || '/'}: ${e.message}`);
    throw new OrderCsvMappingError(`${source} is not a valid order CSV mapping: ${problems.join('; ')}`);
  }
  const line = json.line;
  if ((line.unitPrice === undefined) === (line.lineTotal === undefined)) {
    throw new OrderCsvMappingError(`${source}: line needs exactly one of unitPrice and lineTotal`);
  }
  return json;
}

/** Reads and checks a mapping JSON file. */
export async function loadMapping(path: string): Promise<OrderCsvMapping> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OrderCsvMappingError(`${path} is not JSON: ${(error as Error).message}`);
  }
  return parseMapping(json, path);
}

/** Every column a mapping reads, with the mapping field that reads it, to check against a header. */
export function mappedColumns(mapping: OrderCsvMapping): Array<{ column: string; field: string }> {
  const found: Array<{ column: string; field: string }> = [];
  const visit = (node: unknown, field: string): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.column === 'string') found.push({ column: record.column, field });
    for (const [key, child] of Object.entries(record)) {
      if (key !== 'map') visit(child, field ? `${field}.${key}` : key);
    }
  };
  visit(
    {
      order: mapping.order,
      customer: mapping.customer,
      line: mapping.line,
      shipment: mapping.shipment,
      review: mapping.review,
    },
    '',
  );
  return found;
}

/** Throws naming the first mapped column the CSV header lacks. */
export function assertColumnsPresent(mapping: OrderCsvMapping, header: readonly string[]): void {
  const present = new Set(header);
  for (const { column, field } of mappedColumns(mapping)) {
    if (!present.has(column)) {
      throw new OrderCsvMappingError(
        `column "${column}" (mapping field ${field}) is not in the CSV header; the header has: ${header
          .map((h) => `"${h}"`)
          .join(', ')}`,
      );
    }
  }
}
