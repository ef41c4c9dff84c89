// RFC 7986 COLOR takes a CSS3 colour name, not a hex value, so each type's colour is written as
// the nearest of a palette of distinct CSS names.

const PALETTE: Record<string, [number, number, number]> = {
  royalblue: [65, 105, 225],
  steelblue: [70, 130, 180],
  navy: [0, 0, 128],
  teal: [0, 128, 128],
  seagreen: [46, 139, 87],
  forestgreen: [34, 139, 34],
  olivedrab: [107, 142, 35],
  goldenrod: [218, 165, 32],
  darkorange: [255, 140, 0],
  chocolate: [210, 105, 30],
  firebrick: [178, 34, 34],
  crimson: [220, 20, 60],
  mediumvioletred: [199, 21, 133],
  purple: [128, 0, 128],
  mediumpurple: [147, 112, 219],
  slategray: [112, 128, 144],
  lightslategray: [119, 136, 153],
  silver: [192, 192, 192],
  black: [0, 0, 0],
};

/** The CSS colour name nearest to '#rrggbb' (by distance in RGB, weighted for the eye). */
export function nearestCssColor(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return 'slategray';
  const [r, g, b] = match.slice(1).map((part) => Number.parseInt(part, 16)) as [
    number,
    number,
    number,
  ];
  let best = 'slategray';
  let bestDistance = Infinity;
  for (const [name, [pr, pg, pb]] of Object.entries(PALETTE)) {
    const distance = 2 * (r - pr) ** 2 + 4 * (g - pg) ** 2 + 3 * (b - pb) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}
