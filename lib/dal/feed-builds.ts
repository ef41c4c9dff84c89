import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { feedBuilds } from '@/db/schema';
import { FEED_BUILD_IDENTITY } from '@/lib/feed-build';

// When this build first served a feed, on the database's clock (the clock that dates rows), the
// same for every instance running it. Read once per process and database.

const firstServed = new WeakMap<Database, Promise<Date>>();

async function recordFirstServed(db: Database): Promise<Date> {
  await db.insert(feedBuilds).values({ identity: FEED_BUILD_IDENTITY }).onConflictDoNothing();
  const [row] = await db
    .select({ at: feedBuilds.firstServedAt })
    .from(feedBuilds)
    .where(eq(feedBuilds.identity, FEED_BUILD_IDENTITY));
  return row!.at;
}

/** This build, and when it first served a feed (lib/feed-http.ts folds both into validators). */
export async function currentFeedBuild(): Promise<{ identity: string; builtAt: Date }> {
  return { identity: FEED_BUILD_IDENTITY, builtAt: await buildFirstServedAt() };
}

function buildFirstServedAt(): Promise<Date> {
  const db = getDb();
  let at = firstServed.get(db);
  if (!at) {
    at = recordFirstServed(db);
    // A failure (database down) is not remembered: the next request asks again.
    at.catch(() => firstServed.delete(db));
    firstServed.set(db, at);
  }
  return at;
}
