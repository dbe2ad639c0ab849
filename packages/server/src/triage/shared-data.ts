import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared data sets beside the checkout (…/shared/data next to …/main), or AFTERDESK_SHARED_DATA. */
export function sharedDataDir(): string {
  return (
    process.env.AFTERDESK_SHARED_DATA ??
    fileURLToPath(new URL('../../../../../shared/data/', import.meta.url))
  );
}

/** True when this machine has the shared data (the evaluations skip otherwise). */
export function hasSharedData(dir = sharedDataDir()): boolean {
  return existsSync(`${dir}/bitext-customer-service-8k`);
}
