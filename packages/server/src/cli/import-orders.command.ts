import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { OrderInput } from '@afterdesk/contract';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { Services } from '../app/context.js';
import { upsertOrders } from '../app/orders/upsert-orders.js';
import { inTenant } from '../db/scope.js';
import {
  BUILT_IN_MAPPINGS,
  currencyDigits,
  formatMinor,
  formatSummary,
  getBuiltInMapping,
  type ImportRowError,
  type ImportSummary,
  loadCategoryTranslations,
  loadMapping,
  type OrderCsvMapping,
  readOrdersCsv,
} from '../imports/index.js';

interface ImportOptions {
  tenant?: string;
  mapping: string;
  store?: string;
  categories?: string;
  apiUrl?: string;
  apiKey?: string;
  progress: boolean;
}

type Sink = (
  orders: OrderInput[],
) => Promise<{ created: number; updated: number; reviews: number; orders: { id: string }[] }>;

/** `afterdesk import orders <file>`: a shop's CSV export, streamed in batches through the order upsert. */
export function importOrdersCommand(
  parent: Command,
  withServices: (run: (s: Services & { close(): Promise<void> }) => Promise<void>) => Promise<void>,
) {
  parent
    .command('orders <file>')
    .description(
      `Import orders from a CSV file. Built-in mappings: ${Object.keys(BUILT_IN_MAPPINGS).join(', ')}; or a JSON mapping file. ` +
        'Writes to the database directly (--tenant), or through a running server (--api-url and --api-key), which is the way while an embedded server is running.',
    )
    .requiredOption('-m, --mapping <name|file.json>', 'a built-in mapping name or a JSON mapping file')
    .option('-t, --tenant <id>', 'tenant id (direct database mode)')
    .option('-s, --store <code>', "store code for every order (default: the tenant's first store)")
    .option(
      '-c, --categories <file.csv>',
      'category translations (source,english), e.g. the Olist translation table',
    )
    .option('--api-url <url>', 'import through this Afterdesk server instead of the database')
    .option('--api-key <key>', 'API key for --api-url (or AFTERDESK_API_KEY)')
    .option('--no-progress', 'no progress bar')
    .action(async (file: string, o: ImportOptions) => {
      const mapping = await resolveMapping(o.mapping);
      const size = (await stat(file).catch(() => null))?.size;
      if (size === undefined) throw new Error(`Cannot read ${file}.`);
      const translations = o.categories ? await loadCategoryTranslations(o.categories) : undefined;
      const run = async (sink: Sink, verify?: (ids: string[], summary: ImportSummary) => Promise<string>) => {
        const outcome = await importFile(file, size, mapping, sink, { ...o, translations });
        if (verify && outcome.summary)
          process.stdout.write(`${await verify(outcome.ids, outcome.summary)}\n`);
        // Rows were refused: the import is not complete, and scripts should notice.
        if (outcome.errors > 0) process.exitCode = 2;
      };
      if (o.apiUrl) {
        const key = o.apiKey ?? process.env.AFTERDESK_API_KEY;
        if (!key) throw new Error('--api-url needs --api-key (or AFTERDESK_API_KEY).');
        await run(apiSink(o.apiUrl, key));
        return;
      }
      if (!o.tenant) throw new Error('Give --tenant <id> (direct database mode) or --api-url and --api-key.');
      const tenantId = o.tenant;
      await withServices(async (services) => {
        const ctx = { ...services, principal: { kind: 'integration' as const, tenantId, apiKeyId: 'cli' } };
        await run(
          (orders) => upsertOrders(ctx, orders),
          (ids, summary) => verifyStored(services, tenantId, ids, summary),
        );
      });
    });
}

async function resolveMapping(name: string): Promise<OrderCsvMapping> {
  if (name.endsWith('.json')) return loadMapping(name);
  if (!BUILT_IN_MAPPINGS[name]) {
    throw new Error(
      `Unknown mapping "${name}". Built in: ${Object.keys(BUILT_IN_MAPPINGS).join(', ')}; or give a .json file.`,
    );
  }
  return getBuiltInMapping(name);
}

async function importFile(
  file: string,
  size: number,
  mapping: OrderCsvMapping,
  sink: Sink,
  o: ImportOptions & { translations: ReadonlyMap<string, string> | undefined },
) {
  const stream = createReadStream(file);
  const bar =
    o.progress && process.stderr.isTTY
      ? new SingleBar({
          format: 'importing [{bar}] {percentage}% | {value}/{total} bytes | {orders} orders',
          hideCursor: true,
        })
      : null;
  bar?.start(size, 0, { orders: 0 });
  const ids: string[] = [];
  let created = 0;
  let updated = 0;
  let reviews = 0;
  const errors: ImportRowError[] = [];
  let summary: ImportSummary | undefined;
  try {
    for await (const batch of readOrdersCsv(stream, mapping, {
      ...(o.translations ? { categoryTranslations: o.translations } : {}),
      ...(o.store ? { storeCode: o.store } : {}),
      onProgress: () => bar?.update(stream.bytesRead, { orders: ids.length }),
    })) {
      errors.push(...batch.errors);
      if (batch.orders.length > 0) {
        const stored = await sink(batch.orders);
        created += stored.created;
        updated += stored.updated;
        reviews += stored.reviews;
        ids.push(...stored.orders.map((s) => s.id));
      }
      bar?.update(stream.bytesRead, { orders: ids.length });
      if (batch.last) summary = batch.summary;
    }
  } finally {
    bar?.stop();
  }
  for (const e of errors.slice(0, 20)) process.stderr.write(`row ${e.row}: ${e.message}\n`);
  if (errors.length > 20) process.stderr.write(`… and ${errors.length - 20} more row errors\n`);
  if (summary) process.stdout.write(`${formatSummary(summary)}\n`);
  process.stdout.write(
    `stored: ${ids.length} orders (${created} new, ${updated} updated)${reviews > 0 ? `, ${reviews} reviews` : ''}\n`,
  );
  return { ids, errors: errors.length, summary };
}

function apiSink(baseUrl: string, apiKey: string): Sink {
  return async (orders) => {
    const response = await fetch(new URL('/api/v1/orders/batch', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ orders }),
    });
    const body = (await response.json()) as {
      created: number;
      updated: number;
      reviews: number;
      orders: { id: string }[];
      detail?: string;
    };
    if (!response.ok)
      throw new Error(`The server refused a batch (${response.status}): ${body.detail ?? 'no detail'}`);
    return body;
  };
}

// Reads back what was stored, so the printed figures are the database's, not the file's,
// and compares them with what the file said: credit notes are stored as cancelled orders
// with positive amounts, so the database holds sales + cancellations, gross.
async function verifyStored(
  services: Services,
  tenantId: string,
  ids: string[],
  summary: ImportSummary,
): Promise<string> {
  let orders = 0;
  let lines = 0;
  let reviews = 0;
  let creditNotes = 0;
  const totals = new Map<string, number>();
  await inTenant(services.db, tenantId, async (tx) => {
    for (let i = 0; i < ids.length; i += 1000) {
      const part = ids.slice(i, i + 1000);
      const rows = await tx
        .selectFrom('orders')
        .select([
          'currency',
          (eb) => eb.fn.countAll<number>().as('orders'),
          (eb) => eb.fn.sum<number>('total_minor').as('total'),
          (eb) => eb.fn.countAll<number>().filterWhere('credit_note', '=', true).as('credit_notes'),
        ])
        .where('id', 'in', part)
        .groupBy('currency')
        .execute();
      for (const r of rows) {
        orders += Number(r.orders);
        creditNotes += Number(r.credit_notes);
        totals.set(r.currency, (totals.get(r.currency) ?? 0) + Number(r.total));
      }
      const counted = await tx
        .selectFrom('order_lines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('order_id', 'in', part)
        .executeTakeFirst();
      lines += Number(counted?.n ?? 0);
      const reviewed = await tx
        .selectFrom('order_reviews')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('order_id', 'in', part)
        .executeTakeFirst();
      reviews += Number(reviewed?.n ?? 0);
    }
  });
  const expected = Object.values(summary.currencies);
  const reconciled =
    orders === summary.orders &&
    lines === summary.lines &&
    reviews === summary.reviews &&
    creditNotes === expected.reduce((sum, c) => sum + c.cancellations.orders, 0) &&
    expected.every((c) => totals.get(c.currency) === c.sales.amountMinor + c.cancellations.amountMinor);
  const money = [...totals]
    .map(([currency, minor]) => `${currency} ${formatMinor(minor, currencyDigits(currency))}`)
    .join(', ');
  const notes = creditNotes > 0 ? ` (${creditNotes} credit notes)` : '';
  return `database: ${orders} orders${notes}, ${lines} lines, ${reviews} reviews, gross ${money || '0'} (sales + cancellations) — ${reconciled ? 'reconciled with the file' : 'DOES NOT MATCH the file'}`;
}
