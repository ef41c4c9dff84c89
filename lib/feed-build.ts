import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// What, besides the data, decides a feed's bytes: TeamCal's build (its code and the ical-generator
// it bundles) and the runtime's time-zone data (VTIMEZONE). Folded into every ETag, so that an
// upgrade never leaves clients holding old bytes under a validator that still matches.

/** Bumped when the feed's bytes change for the same data and the same build (rarely needed now). */
const FEED_FORMAT_VERSION = 2;

function readBuild(): { id: string; builtAt: Date } {
  const file = path.join(
    /* turbopackIgnore: true */ process.cwd(),
    process.env.NEXT_DIST_DIR || '.next',
    'BUILD_ID',
  );
  try {
    return { id: fs.readFileSync(file, 'utf8').trim(), builtAt: fs.statSync(file).mtime };
  } catch {
    // Code run outside a Next.js build (tests of the library): nothing to tell apart.
    return { id: 'unbuilt', builtAt: new Date(0) };
  }
}

const build = readBuild();

export const FEED_BUILD = {
  identity: crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        FEED_FORMAT_VERSION,
        build.id,
        process.versions.node,
        process.versions.tz ?? '',
        process.versions.icu ?? '',
      ]),
    )
    .digest('base64url')
    .slice(0, 16),
  /** When this build was made: a new build may write new bytes, so Last-Modified moves too. */
  builtAt: build.builtAt,
};
