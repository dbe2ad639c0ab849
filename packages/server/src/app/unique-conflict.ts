import { conflict } from './errors.js';

/**
 * Runs `work`, turning a unique-key violation into a 409 that says what clashed. The
 * database decides (a check first would race a concurrent insert); the caller's
 * transaction is rolled back by the throw.
 */
export async function withUniqueConflict<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw conflict(message);
    throw error;
  }
}
