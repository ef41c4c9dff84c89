import 'server-only';
import { and, asc, eq, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from '@/db';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { Actor } from './actor';

// What every admin function starts with. The role is read again from the database, never taken
// from the actor object: a session minted before a demotion or a disabling grants nothing.

/** The actor is an enabled admin now, or `not_found`: the admin area does not reveal that it exists. */
export async function assertActiveAdmin(db: Database | Transaction, actor: Actor): Promise<void> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, actor.id), eq(users.role, 'admin'), isNull(users.disabledAt)));
  if (!row) throw new AppError('not_found');
}

/**
 * Locks every enabled admin's row and returns their ids, then checks that the actor is one of
 * them. Changes to roles and disabled flags take this lock first, so two admins demoting each
 * other at once cannot leave the organisation without an admin: the second waits, then finds it
 * is no longer an admin.
 */
export async function lockActiveAdmins(tx: Transaction, actor: Actor): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for('update');
  const ids = rows.map((row) => row.id);
  if (!ids.includes(actor.id)) throw new AppError('not_found');
  return ids;
}

/** A page of a server-side paginated list, with the total for "N results" and page links. */
export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export const PAGE_SIZE = 25;

export function pageOf<Row>(rows: Row[], total: number, page: number, pageSize = PAGE_SIZE) {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * A column of the outer query's table, always qualified with the table's name. Drizzle leaves
 * the columns of a single-table select unqualified, and a correlated subquery would then read
 * `"id"` as its own table's id.
 */
export function outerColumn(table: PgTable, column: string): SQL {
  return sql`${table}.${sql.identifier(column)}`;
}

/** `text` as a case-insensitive "contains" pattern, its own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column ILIKE pattern` for any of the columns. */
export function anyContains(text: string, ...columns: SQLWrapper[]): SQL {
  const pattern = containsPattern(text);
  return sql`(${sql.join(
    columns.map((column) => sql`${column} ilike ${pattern}`),
    sql` or `,
  )})`;
}
