import 'server-only';
import { and, asc, inArray, isNotNull } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { feedTokens, guestShares } from '@/db/schema';

// The one lock order for links: a guest share before its feed token, and within each table by
// id. Guest setup finds the share first and revoking finds the token first; if each locked in its
// own order, the two could wait on each other in a cycle and PostgreSQL would abort one (40P01).

/** Locks the guest shares behind the given feed tokens; call before locking or updating those tokens. */
export async function lockGuestSharesOf(tx: Transaction, tokenIds: string[]): Promise<void> {
  if (tokenIds.length === 0) return;
  // A token's share never changes, so it may be read before anything is locked.
  const rows = await tx
    .selectDistinct({ shareId: feedTokens.guestShareId })
    .from(feedTokens)
    .where(and(inArray(feedTokens.id, tokenIds), isNotNull(feedTokens.guestShareId)));
  const shareIds = rows.flatMap((row) => (row.shareId ? [row.shareId] : []));
  if (shareIds.length === 0) return;
  await tx
    .select({ id: guestShares.id })
    .from(guestShares)
    .where(inArray(guestShares.id, shareIds))
    .orderBy(asc(guestShares.id))
    .for('update');
}
