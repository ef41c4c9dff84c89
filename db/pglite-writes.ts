import type { PGlite } from '@electric-sql/pglite';

// In the embedded mode one process holds the database and every statement passes through its one
// PGlite client. Counting what may have written lets a reader keep what it read for as long as
// the count has not moved (lib/dal/feed-access.ts answers polls that way without a query).

/** A statement that cannot change a row: a plain SELECT (a CTE may hide a write: counted). */
const READ_ONLY = /^\s*select\b/i;

/**
 * Wraps the client so that every statement that may write, and every transaction, moves a
 * counter once it has finished (PGlite runs them one at a time: a reader that saw the old count
 * read before the write or waited for it). Returns the counter.
 */
export function countWrites(client: PGlite): () => number {
  let writes = 0;
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  const counted = async <T>(mayWrite: boolean, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } finally {
      if (mayWrite) writes++;
    }
  };
  client.query = ((text: string, ...rest: unknown[]) =>
    counted(!READ_ONLY.test(text), () =>
      (query as (...args: unknown[]) => Promise<unknown>)(text, ...rest),
    )) as PGlite['query'];
  // Several statements at once (migrations, scripts): always counted.
  client.exec = ((text: string, ...rest: unknown[]) =>
    counted(true, () =>
      (exec as (...args: unknown[]) => Promise<unknown>)(text, ...rest),
    )) as PGlite['exec'];
  // A transaction's statements go through its own handle: the transaction counts as a whole.
  client.transaction = ((callback: Parameters<PGlite['transaction']>[0]) =>
    counted(true, () => transaction(callback))) as PGlite['transaction'];
  return () => writes;
}
