// @ts-check

// The demo organisation's people, read by the seed (db/seed.ts) and by the embedded demo's
// identity provider (lib/server/demo-idp.mjs), which must know the same people. Plain JavaScript:
// the HTTP server loads it without a build step.

export const DEMO_PASSWORD = 'teamcal-demo';
export const DEMO_ADMIN_EMAIL = 'admin@example.com';
export const DEMO_ADMIN_NAME = 'Alex Admin';

/**
 * @typedef {{ key: string, name: string, teams: Array<[team: string, role: 'manager' | 'member']> }} PersonSpec
 * @type {PersonSpec[]}
 */
export const DEMO_PEOPLE = [
  { key: 'camille', name: 'Camille Martin', teams: [['engineering', 'manager']] },
  { key: 'hugo', name: 'Hugo Bernard', teams: [['engineering', 'member']] },
  { key: 'lea', name: 'Léa Dubois', teams: [['engineering', 'member']] },
  { key: 'noah', name: 'Noah Thomas', teams: [['engineering', 'member']] },
  { key: 'chloe', name: 'Chloé Robert', teams: [['engineering', 'member']] },
  { key: 'lucas', name: 'Lucas Richard', teams: [['engineering', 'member']] },
  { key: 'manon', name: 'Manon Petit', teams: [['engineering', 'member']] },
  {
    key: 'jules',
    name: 'Jules Durand',
    teams: [
      ['engineering', 'member'],
      ['support', 'member'],
    ],
  },
  { key: 'ines', name: 'Inès Leroy', teams: [['engineering', 'member']] },
  { key: 'maya', name: 'Maya Johnson', teams: [['sales', 'manager']] },
  { key: 'ethan', name: 'Ethan Williams', teams: [['sales', 'member']] },
  { key: 'olivia', name: 'Olivia Brown', teams: [['sales', 'member']] },
  { key: 'liam', name: 'Liam Garcia', teams: [['sales', 'member']] },
  { key: 'sofia', name: 'Sofia Miller', teams: [['sales', 'member']] },
  { key: 'amelia', name: 'Amelia Clarke', teams: [['support', 'manager']] },
  { key: 'oscar', name: 'Oscar Hughes', teams: [['support', 'member']] },
];

/** @param {string} key */
export function demoEmailOf(key) {
  return `${key}@example.com`;
}
