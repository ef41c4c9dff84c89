import { csvRow } from '@/lib/csv';
import type { AdminTokenRow } from '@/lib/dal/admin-tokens';

// The token audit as a CSV file: one record per link, the same columns as the page and a few more.

export const TOKEN_CSV_COLUMNS = [
  'id',
  'prefix',
  'kind',
  'label',
  'owner_name',
  'owner_email',
  'guest_email',
  'calendar_kind',
  'calendar',
  'privacy',
  'status',
  'created_at',
  'expires_at',
  'revoked_at',
  'revoked_by',
  'revoke_reason',
  'last_used_at',
  'last_used_ip',
  'last_used_user_agent',
  'use_count',
] as const;

export function tokenCsvRecord(row: AdminTokenRow): string {
  return csvRow([
    row.id,
    row.displayPrefix,
    row.kind,
    row.label,
    row.ownerName,
    row.ownerEmail,
    row.guestEmail,
    row.calendarKind,
    row.calendarName,
    row.privacy,
    row.status,
    row.createdAt,
    row.expiresAt,
    row.revokedAt,
    row.revokedByName,
    row.revokeReason,
    row.lastUsedAt,
    row.lastUsedIp,
    row.lastUsedUserAgent,
    row.useCount,
  ]);
}

/**
 * The file as a stream that reads the next batch only when the client has taken the previous
 * one, so a slow download holds one batch in memory, not the whole table.
 */
export function tokenCsvStream(
  batches: AsyncIterable<AdminTokenRow[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvRow(TOKEN_CSV_COLUMNS)));
      },
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(tokenCsvRecord).join('')));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
