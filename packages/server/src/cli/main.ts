import { ROLES } from '@afterdesk/core';
import { Command, Option } from 'commander';
import { AppError } from '../app/errors.js';
import { createTenant } from '../app/tenants/create-tenant.js';
import { createUser } from '../app/tenants/create-user.js';
import { loadConfig } from '../config.js';
import { connectDatabase } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { createLogger, openServices } from '../services.js';
import { importOrdersCommand } from './import-orders.command.js';
import { reportCommand } from './report.command.js';
import { serve } from './serve.command.js';
import { triageCommand } from './triage.command.js';
import { work } from './work.command.js';

/** The `afterdesk` command line: the same use cases as the HTTP API. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('afterdesk')
    .description('Afterdesk — after-sales service for cross-border e-commerce')
    .option('--data-dir <dir>', 'embedded database and files (default ./data, or AFTERDESK_DATA_DIR)')
    .option(
      '--database-url <url>',
      'PostgreSQL URL (or DATABASE_URL); without it the embedded database is used',
    )
    .showHelpAfterError();
  const config = (extra: Record<string, unknown> = {}) => {
    const o = program.opts<{ dataDir?: string; databaseUrl?: string }>();
    return loadConfig(process.env, {
      ...(o.dataDir ? { dataDir: o.dataDir } : {}),
      ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}),
      ...extra,
    });
  };
  // Commands print their results; the logger speaks only of trouble.
  const quiet = () => config({ logLevel: process.env.AFTERDESK_LOG_LEVEL ?? 'warn' });

  program
    .command('serve')
    .description('Serve the API (and web app) over HTTP; seeds the demo shop on an empty database')
    .option('-p, --port <port>', 'port (default 3000, or AFTERDESK_PORT)')
    .option('--host <host>', 'interface (default 127.0.0.1)')
    .option('--no-demo', 'do not seed the demo shop')
    .action(async (o: { port?: string; host?: string; demo: boolean }) => {
      await serve(
        config({
          ...(o.port ? { port: o.port } : {}),
          ...(o.host ? { host: o.host } : {}),
          ...(o.demo ? {} : { seedDemo: false }),
        }),
      );
    });

  program
    .command('work')
    .description('Run the background jobs (refunds, webhooks, mail, service levels) without serving HTTP')
    .option('--only <jobs>', 'comma-separated job names (default: all)')
    .action(async (o: { only?: string }) => {
      const only =
        o.only
          ?.split(',')
          .map((name) => name.trim())
          .filter(Boolean) ?? [];
      await work(config({ seedDemo: false }), only);
    });

  program
    .command('migrate')
    .description('Apply the database migrations not applied yet')
    .action(async () => {
      const c = quiet();
      const handle = await connectDatabase({ databaseUrl: c.databaseUrl, dataDir: `${c.dataDir}/pglite` });
      try {
        const report = await migrate(handle);
        console.log(
          report.applied.length
            ? `Applied ${report.applied.join(', ')}`
            : `Up to date (${report.alreadyApplied} migrations).`,
        );
      } finally {
        await handle.db.destroy();
      }
    });

  const tenant = program.command('tenant').description('Manage tenants (merchants)');
  tenant
    .command('create <name>')
    .description('Create a tenant with one store and the default policy; prints its id and an API key')
    .option('--store <code>', 'store code', 'main')
    .option('--country <cc>', 'store country (ISO 3166-1 alpha-2)', 'US')
    .option('--currency <ccy>', 'store currency (ISO 4217)', 'USD')
    .option('--time-zone <zone>', 'store time zone (IANA)', 'America/New_York')
    .option('--languages <list>', 'comma-separated languages', 'en')
    .action(
      async (
        name: string,
        o: { store: string; country: string; currency: string; timeZone: string; languages: string },
      ) => {
        checkStore(o);
        await withServices(quiet(), async (services) => {
          const created = await createTenant(services, {
            name,
            stores: [
              {
                code: o.store,
                name,
                country: o.country.toUpperCase(),
                currency: o.currency.toUpperCase(),
                timeZone: o.timeZone,
                languages: o.languages.split(',').map((l) => l.trim()),
              },
            ],
          });
          console.log(
            `Tenant id: ${created.tenantId}\nAPI key:   ${created.apiKey}\n(The key is shown once; keep it safe.)`,
          );
        });
      },
    );

  const user = program.command('user').description('Manage agents');
  user
    .command('create')
    .description('Add an agent who logs in with e-mail and password')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--email <email>', 'login e-mail')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]).default('agent'))
    .option('--password <password>', 'password (or AFTERDESK_PASSWORD); at least 8 characters')
    .action(async (o: { tenant: string; email: string; name: string; role: string; password?: string }) => {
      const password = o.password ?? process.env.AFTERDESK_PASSWORD;
      if (!password) throw new Error('Give --password or set AFTERDESK_PASSWORD.');
      await withServices(quiet(), async (services) => {
        const created = await createUser(services, {
          tenantId: o.tenant,
          email: o.email,
          name: o.name,
          role: o.role,
          password,
        });
        console.log(`Agent ${created.email} (${created.role}) created: ${created.id}`);
      });
    });

  const imports = program.command('import').description('Import data');
  importOrdersCommand(imports, (run) => withServices(quiet(), run));

  program.addCommand(triageCommand((run) => withServices(quiet(), run)));
  program.addCommand(reportCommand((run) => withServices(quiet(), run)));

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof AppError) {
      const fields = error.extras.errors?.map((e) => `\n  ${e.field}: ${e.message}`).join('') ?? '';
      throw new Error(`${error.message}${fields}`);
    }
    throw error;
  }
}

async function withServices<T>(
  config: ReturnType<typeof loadConfig>,
  run: (services: Awaited<ReturnType<typeof openServices>>) => Promise<T>,
) {
  const services = await openServices(config, createLogger(config));
  try {
    return await run(services);
  } finally {
    await services.close();
  }
}

function checkStore(o: { country: string; currency: string; timeZone: string }) {
  if (!/^[A-Za-z]{2}$/.test(o.country)) throw new Error(`--country must be two letters, got "${o.country}".`);
  if (!/^[A-Za-z]{3}$/.test(o.currency))
    throw new Error(`--currency must be three letters, got "${o.currency}".`);
  if (!Intl.supportedValuesOf('timeZone').includes(o.timeZone) && o.timeZone !== 'UTC') {
    throw new Error(`--time-zone "${o.timeZone}" is not an IANA time zone.`);
  }
}
