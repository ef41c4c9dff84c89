import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// What, besides the data, decides a feed's bytes: TeamCal's build (its code and the ical-generator
// it bundles) and the runtime's time-zone data (VTIMEZONE). Folded into every ETag, so that an
// upgrade never leaves clients holding old bytes under a validator that still matches.

/** Bumped when the feed's bytes change for the same data and the same build (rarely needed now). */
const FEED_FORMAT_VERSION = 2;

/** The Next.js build's id, or 'unbuilt' for code run outside a build (tests of the library). */
function readBuildId(): string {
  const file = path.join(
    /* turbopackIgnore: true */ process.cwd(),
    process.env.NEXT_DIST_DIR || '.next',
    'BUILD_ID',
  );
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return 'unbuilt';
  }
}

/** The identity of what writes feed bytes; when it first served is lib/dal/feed-builds.ts's. */
export const FEED_BUILD_IDENTITY = crypto
  .createHash('sha256')
  .update(
    JSON.stringify([
      FEED_FORMAT_VERSION,
      readBuildId(),
      process.versions.node,
      process.versions.tz ?? '',
      process.versions.icu ?? '',
    ]),
  )
  .digest('base64url')
  .slice(0, 16);
