import path from 'node:path';

/** Where the embedded mode keeps its files (database, generated secret): `.data/` unless set. */
export function dataDirectory(): string {
  // The directory is chosen at run time; the bundler must not trace the project through it.
  return path.resolve(
    /* turbopackIgnore: true */ process.env.TEAMCAL_DATA_DIR || path.join(process.cwd(), '.data'),
  );
}
