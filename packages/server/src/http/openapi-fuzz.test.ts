import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { noReasonReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  newTenant,
  openTestDatabase,
  startTestServer,
  testDatabaseKind,
  testServices,
} from '../testing/harness.test-helpers.js';

// "No malformed input yields a 500": every operation the OpenAPI document lists is sent
// inputs generated from its own schemas and then broken — wrong types, missing and extra
// fields, huge and strange strings, deep nesting, invalid JSON, wrong content types,
// garbage in path and query — with a valid API key, so that the request gets past
// authentication. Whatever comes back must be below 500, and every 4xx must be RFC 9457
// problem+json. The operations are read from the running server's /openapi.json at load
// time, so a route added tomorrow is fuzzed without anyone touching this file.

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};
type Param = { name: string; in: string; schema: Schema };
interface Operation {
  method: string;
  path: string;
  params: Param[];
  query: Param[];
  body: Schema | undefined;
  upload: boolean;
}
interface Body {
  label: string;
  data?: string | Uint8Array;
  contentType?: string;
}
interface FuzzRequest {
  method: string;
  url: string;
  body: Body;
  idempotencyKey?: string | undefined;
}

const RUNS = 40;
// Login and customer tokens allow 20 attempts a minute per client address; staying under
// that keeps every run reaching the handler instead of the rate limiter.
const THROTTLED = new Set(['/api/v1/auth/login', '/api/v1/auth/customer-token']);
// Shrinking costs one request a step; past this the smallest counterexample found so far
// is reported. Running out of time before all runs are done fails rather than passes.
const LIMITS = { interruptAfterTimeLimit: 15_000, markInterruptAsFailure: true };
const now = new Date();

// --- the server under test, started at load time so that its operations name the tests ---
const handle = await openTestDatabase();
const services = testServices(handle, { now });
const tenant = await newTenant(services);
const server = await startTestServer(services);
// The checks that name inputs one by one get a server of their own, so that the fuzzing
// cannot have used up a throttled route's attempts before them.
const examplesServer = await startTestServer(services);
const api = client(server.url, tenant.apiKey);
const openapi: any = await (await fetch(`${server.url}/openapi.json`)).json();
const fixtures = await createFixtures();
const operations = listOperations(openapi);

async function createFixtures() {
  const input = sampleOrder(now, { email: 'fuzz@example.com' });
  const order = await importOrder(api, input);
  const created = await api('POST', '/api/v1/cases', noReasonReturn(order));
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#36c' } })
    .png()
    .toBuffer();
  const evidence = await upload(server.url, png, 'photo.png');
  const policy = (await api('GET', '/api/v1/policy')).body;
  return {
    order,
    caseId: created.body.id as string,
    evidenceId: ((await evidence.json()) as { id: string }).id,
    policy,
  };
}

/** Real ids by the names the API gives them, so that generated requests reach the database. */
function knownIds(name: string): string[] {
  const ids: Record<string, string[]> = {
    caseId: [fixtures.caseId],
    orderId: [fixtures.order.id],
    orderLineId: fixtures.order.lines.map((l: { id: string }) => l.id),
    customerId: [fixtures.order.customerId],
    evidenceId: [fixtures.evidenceId],
    evidenceIds: [fixtures.evidenceId],
    tenantId: [tenant.tenantId],
  };
  return ids[name] ?? [];
}

function listOperations(doc: any): Operation[] {
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const parameters: Param[] = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: content['application/json']?.schema,
        // The upload route declares no body schema, only `consumes`; its summary says multipart.
        upload: Boolean(content['multipart/form-data']) || /multipart/i.test(op.summary ?? ''),
      };
    }),
  );
}

// --- values that satisfy a schema ---

// Characters that break naive code: NUL and other controls, lone surrogates, BOM, bidi
// overrides, combining marks, emoji, quotes and format strings.
const STRANGE_STRING = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u0001\u001f',
    '\ud800',
    'x\udfff',
    '\ufeff',
    '\u202e',
    '😀',
    'e\u0301',
    '\u200b',
    '\\',
    "'; drop table cases; --",
    '%s%n',
    '{{x}}',
    '\r\n',
    'ǅΩß',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 }),
);

/** Free text: printable ASCII, or strange characters that still fit the length limits. */
type Text = 'plain' | 'strange';
function freeText(text: Text, minLength: number, maxLength: number): fc.Arbitrary<string> {
  if (text === 'plain') return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 30) });
  return STRANGE_STRING.map((s) => s.padEnd(minLength, 'a').slice(0, maxLength));
}

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return resolve(openapi.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
}

function valid(raw: Schema, name = '', text: Text = 'plain'): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valid(s, name, text)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const known = knownIds(name);
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'uuid') {
        if (known.length === 0) return fc.uuid();
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...known) },
          { weight: 1, arbitrary: fc.uuid() },
        );
      }
      if (schema.format === 'date-time') {
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      }
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return freeText(text, schema.minLength ?? 0, schema.maxLength ?? 10_000);
    }
    case 'integer': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      const low = Math.max(min, -1_000_000);
      return fc.oneof(
        fc.integer({ min: low, max: Math.min(max, low + 1_000_000) }),
        fc.constantFrom(min, max),
      );
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = valid(schema.items ?? {}, name, text);
      const minLength = schema.minItems ?? 0;
      const sizes = { minLength, maxLength: Math.min(schema.maxItems ?? 3, minLength + 3) };
      return schema.uniqueItems
        ? fc.uniqueArray(item, { ...sizes, selector: (v) => JSON.stringify(v) })
        : fc.array(item, sizes);
    }
    case 'object': {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0) {
        const pattern = Object.values(schema.patternProperties ?? {})[0];
        if (pattern)
          return fc.dictionary(fc.string({ maxLength: 10 }), valid(pattern, '', text), { maxKeys: 3 });
        // A free-form object: the one the API has is the policy document, so start from the real one.
        if (name === 'document') return fc.constant(fixtures.policy.document);
        return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
      }
      const arbitraries = Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, valid(s, key, text)]),
      );
      return fc.record(arbitraries, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// --- ways to break a value ---

type Path = (string | number)[];

/** Every place inside a JSON value, the root excluded. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const keys: Path = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...at, k], ...pathsOf((value as any)[k], [...at, k])]);
}

const at = (value: unknown, path: Path): any => path.reduce<any>((node, key) => node?.[key], value);
const pick = <T>(list: T[], index: number): T | undefined => list[index % Math.max(list.length, 1)];
const kindOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
const objectsIn = (v: unknown) => [[], ...pathsOf(v)].filter((p) => kindOf(at(v, p)) === 'object');

function replaceAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value);
  at(copy, path.slice(0, -1))[path.at(-1) as string] = next;
  return copy;
}

// One value of each JSON kind; a mutation takes one of another kind than what was there.
const ONE_OF_EACH_KIND = fc.record({
  string: fc.string({ maxLength: 20 }),
  integer: fc.constantFrom(-1, 0, 2 ** 31, -(2 ** 53), 2 ** 53 + 2, 1e300),
  number: fc.double(),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
});

const DEEP = '"__deeply_nested__"';
const deeplyNested = (depth: number, arrays: boolean) =>
  arrays ? '['.repeat(depth) + ']'.repeat(depth) : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/octet-stream',
  'multipart/form-data',
  'multipart/form-data; boundary=fuzz',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/problem+json',
  'text/json',
  'application/json-patch+json',
  '*/*',
  'nonsense',
];

const json = (label: string, value: unknown): Body => ({
  label,
  data: JSON.stringify(value),
  contentType: 'application/json',
});

function bodyArb(op: Operation): fc.Arbitrary<Body> {
  const base = op.body ? valid(op.body) : fc.jsonValue({ maxDepth: 2 });
  const where = (path: Path) => `/${path.join('/')}`;
  return fc.oneof(
    { weight: 1, arbitrary: base.map((v) => json('valid-shaped', v)) },
    // Valid in shape, so it passes validation and reaches the use case and the database.
    {
      weight: 4,
      arbitrary: (op.body ? valid(op.body, '', 'strange') : base).map((v) =>
        json('valid-shaped, strange text', v),
      ),
    },
    { weight: 1, arbitrary: fc.anything().map((v) => json('anything', v)) },
    {
      weight: 2,
      arbitrary: fc.tuple(base, fc.nat(), ONE_OF_EACH_KIND).map(([v, i, kinds]) => {
        const path = pick(pathsOf(v), i) ?? [];
        const other = Object.entries(kinds).find(([kind]) => kind !== kindOf(at(v, path)))?.[1];
        return json(`wrong type at ${where(path)}`, replaceAt(v, path, other));
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat()).map(([v, i]) => {
        const path = pick(objectsIn(v), i) ?? [];
        const node = at(v, path) ?? {};
        const key = pick(Object.keys(node), i);
        if (key === undefined) return json('an empty object', v);
        const { [key]: _removed, ...rest } = node;
        return json(`missing ${where([...path, key])}`, replaceAt(v, path, rest));
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.nat(), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
        .map(([v, i, key, extra]) => {
          const path = pick(objectsIn(v), i) ?? [];
          const node = { ...(at(v, path) ?? {}), [key || 'extra']: extra };
          return json(`extra property at ${where(path)}`, replaceAt(v, path, node));
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          base,
          fc.nat(),
          fc.integer({ min: 10_000, max: 1_000_000 }),
          fc.constantFrom('x', 'é', '😀', '\u0000'),
        )
        .map(([v, i, length, char]) => {
          const path = pick(pathsOf(v), i) ?? [];
          return json(`huge string at ${where(path)}`, replaceAt(v, path, char.repeat(length)));
        }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(base, fc.nat(), STRANGE_STRING).map(([v, i, text]) => {
        const strings = pathsOf(v).filter((p) => typeof at(v, p) === 'string');
        const path = pick(strings, i) ?? pick(pathsOf(v), i) ?? [];
        return json(`strange string at ${where(path)}`, replaceAt(v, path, text));
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(base, fc.nat(), fc.integer({ min: 100, max: 20_000 }), fc.boolean())
        .map(([v, i, depth, arrays]): Body => {
          const path = pick(pathsOf(v), i) ?? [];
          const text = JSON.stringify(replaceAt(v, path, JSON.parse(DEEP)));
          return {
            label: `nested ${depth} deep at ${where(path)}`,
            data: text.replace(DEEP, deeplyNested(depth, arrays)),
            contentType: 'application/json',
          };
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.tuple(base, fc.nat()).map(([v, n]) => JSON.stringify(v).slice(0, n % JSON.stringify(v).length)),
          fc.string({ unit: 'binary', maxLength: 50 }),
          fc.constantFrom(
            '{',
            '{"a":}',
            "{'a':1}",
            '[1,]',
            '{"a":1}{',
            '\ufeff{}',
            'NaN',
            '"\\ud800"',
            '{"__proto__":{"admin":true}}',
            '{"constructor":{"prototype":{"x":1}}}',
            'null',
            '""',
          ),
        )
        .map((data): Body => ({ label: 'invalid JSON text', data, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 64 }).map(
        (bytes): Body => ({
          label: 'bytes that are not UTF-8',
          data: Uint8Array.from([0xff, 0xfe, ...bytes]),
          contentType: 'application/json',
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(base, fc.constantFrom(...CONTENT_TYPES))
        .map(
          ([v, contentType]): Body => ({ label: 'wrong content-type', data: JSON.stringify(v), contentType }),
        ),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ label: 'no body at all' }) },
  );
}

// Text for a URL: percent-encoded, or raw percent signs that decode to nothing valid.
const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
const encode = (text: string) => encodeURIComponent(wellFormed(text));
const RAW_URL_JUNK = fc.constantFrom(
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%C0%AF',
  '%2e%2e',
  '%2F',
  '..',
  '+',
  ';',
  '%FF%FE',
);

function pathArb(op: Operation): fc.Arbitrary<string> {
  const values = op.params.map((p) => {
    const known = knownIds(p.name);
    return fc.oneof(
      { weight: 4, arbitrary: known.length ? fc.constantFrom(...known) : fc.uuid() },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
      { weight: 1, arbitrary: fc.uuid().map((u) => `{${u}}`) },
      { weight: 1, arbitrary: fc.uuid().map((u) => `urn:uuid:${u}`) },
      { weight: 1, arbitrary: fc.uuid().map((u) => u.replaceAll('-', '')) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map(encode) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.integer({ min: 101, max: 3000 }),
            fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
          )
          .map(([n, c]) => encode(c).repeat(n)),
      },
      { weight: 1, arbitrary: RAW_URL_JUNK },
      { weight: 1, arbitrary: fc.constantFrom('', '0', '-1', 'null', 'undefined', '[]', '{}') },
    );
  });
  return fc
    .tuple(...values)
    .map((chosen) =>
      op.params.reduce((path, p, i) => path.replace(`{${p.name}}`, chosen[i] as string), op.path),
    );
}

function queryArb(op: Operation): fc.Arbitrary<string> {
  const names = op.query.map((p) => p.name);
  const key = names.length
    ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 }))
    : fc.string({ maxLength: 10 });
  const value = fc.oneof(
    ...op.query.map((p) => valid(p.schema, p.name).map(String)),
    ...op.query.map((p) => valid(p.schema, p.name, 'strange').map(String)),
    fc.string({ maxLength: 20 }),
    STRANGE_STRING,
    fc.constantFrom('', '-1', '0', '1e400', '1.5', 'true', 'null', '[]', 'x'.repeat(2000)),
  );
  const pair = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(key, value).map(([k, v]) => `${encode(k)}=${encode(v)}`) },
    { weight: 1, arbitrary: fc.tuple(key, RAW_URL_JUNK).map(([k, junk]) => `${encode(k)}=${junk}`) },
    { weight: 1, arbitrary: fc.constantFrom('&', '=', '==', 'a', '%', '[]=', 'limit[]=1', 'limit[a]=1') },
  );
  return fc.array(pair, { maxLength: 6 }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

function requestArb(op: Operation): fc.Arbitrary<FuzzRequest> {
  const body = op.method === 'GET' ? fc.constant<Body>({ label: 'no body' }) : bodyArb(op);
  const idempotencyKey =
    op.method === 'POST'
      ? fc.option(fc.string({ maxLength: 300 }), { nil: undefined })
      : fc.constant(undefined);
  return fc
    .record({ path: pathArb(op), query: queryArb(op), body, idempotencyKey })
    .map(({ path, query, body, idempotencyKey }) =>
      printable({ method: op.method, url: `${path}${query}`, body, idempotencyKey }),
    );
}

// --- sending and judging ---

/** fast-check prints a counterexample with this, so a megabyte of nesting reads as one line. */
function printable(request: FuzzRequest): FuzzRequest {
  return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
}

function describeRequest(request: FuzzRequest) {
  const { url, body, idempotencyKey } = request;
  const shownUrl = url.length > 200 ? `${url.slice(0, 200)}…(${url.length} characters)` : url;
  const key =
    idempotencyKey === undefined ? '' : ` Idempotency-Key: ${JSON.stringify(idempotencyKey.slice(0, 40))}`;
  const data =
    typeof body.data === 'string'
      ? body.data.slice(0, 160)
      : body.data
        ? `<${body.data.byteLength} bytes>`
        : '';
  return `${request.method} ${shownUrl} [${body.label}; ${body.contentType ?? 'no content-type'}]${key} ${data}`;
}

async function send(base: string, request: FuzzRequest) {
  const headers: Record<string, string> = { authorization: `Bearer ${tenant.apiKey}` };
  if (request.body.contentType) headers['content-type'] = request.body.contentType;
  if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
  const response = await fetch(`${base}${request.url}`, {
    method: request.method,
    headers,
    body: request.body.data,
    signal: AbortSignal.timeout(15_000),
  });
  return answerOf(response);
}

async function answerOf(response: Response) {
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the assertions say so
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
}

/** The contract every answer keeps: no 5xx, and a 4xx is problem+json with its four members. */
function expectHandled(answer: Awaited<ReturnType<typeof answerOf>>, what: string) {
  const seen = `${what}\n→ ${answer.status} ${answer.contentType} ${JSON.stringify(answer.body).slice(0, 300)}`;
  expect(answer.status, seen).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.contentType, seen).toMatch(/^application\/problem\+json/);
    expect(answer.body, seen).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status: answer.status,
      detail: expect.any(String),
    });
  }
}

async function sendAndCheck(base: string, request: FuzzRequest) {
  expectHandled(await send(base, request), describeRequest(request));
}

function upload(
  base: string,
  bytes: Uint8Array,
  fileName: string,
  fields: Record<string, string> = {},
  type = '',
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type }), fileName);
  return fetch(`${base}/api/v1/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tenant.apiKey}` },
    body: form,
    signal: AbortSignal.timeout(15_000),
  });
}

const example = (method: string, url: string, body: Body = { label: 'example' }): FuzzRequest => ({
  method,
  url,
  body,
});
const jsonBody = (value: unknown): Body => json('example', value);

describe(`no malformed input yields a 500 (${testDatabaseKind()})`, () => {
  afterAll(async () => {
    await server.close();
    await examplesServer.close();
    await handle.db.destroy();
  });

  it('publishes an OpenAPI 3.1 document whose operations all live under /api/v1', () => {
    expect(openapi.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(openapi.paths).every((p) => p.startsWith('/api/v1/'))).toBe(true);
    expect(operations.map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/cases',
        'GET /api/v1/cases',
        'POST /api/v1/orders/batch',
        'POST /api/v1/cases/{caseId}/actions/refund',
        'POST /api/v1/policy/versions',
      ]),
    );
    expect(operations.filter((op) => op.upload).map((op) => `${op.method} ${op.path}`)).toEqual([
      'POST /api/v1/evidence',
    ]);
  });

  for (const op of operations.filter((o) => !o.upload)) {
    const numRuns = THROTTLED.has(op.path) ? 19 : RUNS;
    it(`${op.method} ${op.path} answers below 500, and 4xx as problem+json, whatever it is sent`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArb(op), (request) => sendAndCheck(server.url, request)),
        { numRuns, ...LIMITS },
      );
    }, 60_000);
  }

  it('POST /api/v1/evidence answers random bytes as the file with 4xx problem+json, or stores them', async () => {
    const signatures = [
      [],
      [0xff, 0xd8, 0xff, 0xe0],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [...Buffer.from('GIF89a')],
      [...Buffer.from('%PDF-1.4\n')],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8 ')],
      [0, 0, 0, 24, ...Buffer.from('ftypheic')],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...signatures),
        fc.uint8Array({ maxLength: 4096 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom(
          'image/jpeg',
          'image/png',
          'application/pdf',
          'text/plain',
          'application/octet-stream',
        ),
        fc.option(
          fc.oneof(fc.uuid(), fc.constant(fixtures.caseId), fc.string({ unit: 'binary', maxLength: 40 })),
          {
            nil: undefined,
          },
        ),
        async (signature, rest, fileName, type, caseId) => {
          const bytes = Uint8Array.from([...signature, ...rest]);
          const fields: Record<string, string> = caseId === undefined ? {} : { caseId: wellFormed(caseId) };
          const answer = await answerOf(
            await upload(server.url, bytes, wellFormed(fileName) || 'f', fields, type),
          );
          const head = Buffer.from(bytes.subarray(0, 12)).toString('hex');
          expectHandled(
            answer,
            `upload of ${bytes.byteLength} bytes (${head}…) as ${type}, caseId ${caseId}`,
          );
        },
      ),
      { numRuns: RUNS, ...LIMITS },
    );
  }, 60_000);

  it('POST /api/v1/evidence answers a malformed multipart envelope with 4xx problem+json', async () => {
    const part = (s: string) =>
      `--fuzz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n${s}`;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'multipart/form-data',
          'multipart/form-data; boundary=fuzz',
          'multipart/form-data; boundary=',
          'multipart/mixed; boundary=fuzz',
        ),
        fc.oneof(
          fc.uint8Array({ maxLength: 512 }),
          fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(`--fuzz\r\n${s}`)),
          fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(part(s))),
        ),
        (contentType, data) =>
          sendAndCheck(
            server.url,
            printable({
              method: 'POST',
              url: '/api/v1/evidence',
              body: { label: 'malformed multipart', data, contentType },
            }),
          ),
      ),
      { numRuns: RUNS, ...LIMITS },
    );
  }, 60_000);

  describe('valid-shaped input with values that do not exist or cannot be', () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const ex = client(examplesServer.url, tenant.apiKey);

    it('answers an unknown id in any path with 404 problem+json', async () => {
      const paths = [
        ['GET', `/api/v1/orders/${unknown}`],
        ['GET', `/api/v1/cases/${unknown}`],
        ['GET', `/api/v1/cases/${unknown}/return-code.png`],
        ['GET', `/api/v1/evidence/${unknown}`],
        ...operations
          .filter((op) => op.path.includes('/actions/'))
          .map((op) => ['POST', op.path.replace('{caseId}', unknown)]),
      ] as [string, string][];
      expect(paths.length).toBeGreaterThan(10);
      for (const [method, path] of paths) {
        const r = await ex(method, path, method === 'POST' ? {} : undefined);
        expect(r.status, `${method} ${path}`).toBe(404);
        expect(r.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/);
        expect(r.body.code, `${method} ${path}`).toBe('not_found');
      }
    });

    it('answers a case for an unknown order with 404, and for a line of another order with 400', async () => {
      const item = { orderLineId: fixtures.order.lines[0].id, quantity: 1, reasonCode: 'no_reason' };
      const missing = await ex('POST', '/api/v1/cases', { kind: 'return', orderId: unknown, items: [item] });
      expect(missing.status).toBe(404);
      const other = await ex('POST', '/api/v1/orders/batch', { orders: [sampleOrder(now)] });
      const wrong = await ex('POST', '/api/v1/cases', {
        kind: 'return',
        orderId: other.body.orders[0].id,
        items: [item],
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: '/items/0/orderLineId' })]);
    });

    it('answers negative and zero quantities, prices and amounts with 400 naming the field', async () => {
      const item = (quantity: number) => ({
        orderLineId: fixtures.order.lines[0].id,
        quantity,
        reasonCode: 'no_reason',
      });
      for (const quantity of [-1, 0, -(2 ** 53)]) {
        const r = await ex('POST', '/api/v1/cases', {
          kind: 'return',
          orderId: fixtures.order.id,
          items: [item(quantity)],
        });
        expect(r.status, `quantity ${quantity}`).toBe(400);
        expect(r.body.errors.map((e: any) => e.field)).toContain('body/items/0/quantity');
      }
      const order = sampleOrder(now);
      const line = order.lines[0]!;
      for (const [field, bad] of [
        ['quantity', { ...line, quantity: -2 }],
        ['unitPriceMinor', { ...line, unitPriceMinor: -5999 }],
      ] as const) {
        const r = await ex('POST', '/api/v1/orders/batch', { orders: [{ ...order, lines: [bad] }] });
        expect(r.status, field).toBe(400);
        expect(r.body.errors.map((e: any) => e.field)).toContain(`body/orders/0/lines/0/${field}`);
      }
      const refund = await ex('POST', `/api/v1/cases/${fixtures.caseId}/actions/refund`, {
        amountMinor: -100,
      });
      expect(refund.status).toBe(400);
      expect(refund.body.errors.map((e: any) => e.field)).toContain('body/amountMinor');
    });

    it('answers unknown evidence in a dry run with 400, and finds no orders for an unknown customer', async () => {
      const r = await ex('POST', '/api/v1/cases/eligibility', {
        kind: 'return',
        orderId: fixtures.order.id,
        items: [
          {
            orderLineId: fixtures.order.lines[1].id,
            quantity: 1,
            reasonCode: 'quality_defect',
            evidenceIds: [unknown],
          },
        ],
      });
      expect(r.status).toBe(400);
      expect(r.body.errors[0].field).toBe('/items/0/evidenceIds');
      const none = await ex('GET', `/api/v1/orders?customerId=${unknown}`);
      expect(none.status).toBe(200);
      expect(none.body.items).toEqual([]);
    });

    it('answers a body over the 5 MB limit with 413 problem+json', async () => {
      const request = example('POST', '/api/v1/cases', jsonBody({ description: 'x'.repeat(6_000_000) }));
      const answer = await send(examplesServer.url, request);
      expectHandled(answer, describeRequest(request));
      expect(answer.status).toBe(413);
    });
  });

  // Inputs the fuzzing above has found to break the server, kept as plain examples so that
  // each stays checked on every run, whatever the random seed.
  describe('malformed inputs, one by one', () => {
    const check = (request: FuzzRequest) => sendAndCheck(examplesServer.url, request);
    const item = () => ({
      orderLineId: fixtures.order.lines[1].id,
      quantity: 1,
      reasonCode: 'quality_defect',
    });

    it.each([
      ['a case search by SKU', '/api/v1/cases?sku=%00'],
      ['an order search by number', '/api/v1/orders?number=a%00b'],
      ['an order search by e-mail', '/api/v1/orders?email=a%00@example.com'],
    ])('answers a NUL character in %s with 4xx, not 500', async (_, url) => {
      await check(example('GET', url));
    });

    it.each([
      [
        'the number of an imported order',
        '/api/v1/orders/batch',
        () => ({ orders: [{ ...sampleOrder(now), number: 'A\u0000B' }] }),
      ],
      [
        'a variant attribute of an order line',
        '/api/v1/orders/batch',
        () => {
          const input = sampleOrder(now);
          return { orders: [{ ...input, lines: [{ ...input.lines[0], attributes: { size: '42\u0000' } }] }] };
        },
      ],
      [
        'the description of a case',
        '/api/v1/cases',
        () => ({ kind: 'return', orderId: fixtures.order.id, description: 'x\u0000', items: [item()] }),
      ],
      [
        'the description of a case item',
        '/api/v1/cases',
        () => ({
          kind: 'return',
          orderId: fixtures.order.id,
          items: [{ ...item(), description: 'x\u0000' }],
        }),
      ],
      [
        'the order number asked for a customer token',
        '/api/v1/auth/customer-token',
        () => ({ tenantId: tenant.tenantId, orderNumber: '#1\u0000', email: 'a@example.com' }),
      ],
    ])('answers a NUL character in %s with 4xx, not 500', async (_, url, body) => {
      await check(example('POST', url, jsonBody(body())));
    });

    it('answers a lone surrogate in the external id of an imported customer with 4xx, not 500', async () => {
      const input = sampleOrder(now);
      const body = { orders: [{ ...input, customer: { ...input.customer, externalId: 'x\udfff' } }] };
      await check(example('POST', '/api/v1/orders/batch', jsonBody(body)));
    });

    it('answers a NUL character in the reason of a case action with 4xx, not 500', async () => {
      const batch = await api('POST', '/api/v1/orders/batch', { orders: [sampleOrder(now)] });
      const order = (await api('GET', `/api/v1/orders/${batch.body.orders[0].id}`)).body;
      const filed = await api('POST', '/api/v1/cases', {
        kind: 'return',
        orderId: order.id,
        items: [{ orderLineId: order.lines[1].id, quantity: 1, reasonCode: 'quality_defect' }],
      });
      expect(filed.body.status).toBe('under_review');
      const url = `/api/v1/cases/${filed.body.id}/actions/request-info`;
      await check(example('POST', url, jsonBody({ reason: 'a\u0000b' })));
    });

    it('keeps an Idempotency-Key working when the answer quotes a NUL character back', async () => {
      // The dry run echoes the unknown reason code in its reasons; storing that answer for
      // replay must not turn a good answer into a 500, nor leave the key claimed forever.
      const request = {
        ...example(
          'POST',
          '/api/v1/cases/eligibility',
          jsonBody({
            kind: 'return',
            orderId: fixtures.order.id,
            items: [{ ...item(), reasonCode: 'q\u0000' }],
          }),
        ),
        idempotencyKey: 'nul-in-answer',
      };
      const first = await send(examplesServer.url, request);
      expectHandled(first, describeRequest(request));
      const replay = await send(examplesServer.url, request);
      expect(replay.status, `replay: ${JSON.stringify(replay.body).slice(0, 200)}`).toBe(first.status);
    });

    const nested = (depth: number): Body => ({
      label: `${depth} deep`,
      data: `{"document":${deeplyNested(depth, false)}}`,
      contentType: 'application/json',
    });

    it('answers a policy document nested thousands deep with 4xx, not 500', async () => {
      await check(example('POST', '/api/v1/policy/versions', nested(20_000)));
    });

    it('answers JSON nested thousands deep, sent with an Idempotency-Key, with 4xx, not 500', async () => {
      await check({ ...example('POST', '/api/v1/auth/logout', nested(5_000)), idempotencyKey: 'deep-1' });
    });

    it('answers an upload that is not well-formed multipart with 4xx, not 500', async () => {
      await check(
        example('POST', '/api/v1/evidence', {
          label: 'no boundary',
          data: 'garbage',
          contentType: 'multipart/form-data',
        }),
      );
      await check(
        example('POST', '/api/v1/evidence', {
          label: 'cut short',
          data: '--fuzz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc',
          contentType: 'multipart/form-data; boundary=fuzz',
        }),
      );
    });

    it('answers a path that is not valid percent-encoding with 400 problem+json', async () => {
      await check(example('GET', '/api/v1/cases/%E0%A4%A'));
    });

    it('answers a path parameter longer than the router accepts with problem+json', async () => {
      await check(example('GET', `/api/v1/cases/${'a'.repeat(101)}`));
    });

    it('answers a URL longer than the server reads with problem+json', async () => {
      await check(example('GET', `/api/v1/cases?sku=${'x'.repeat(20_000)}`));
    });
  });
});
