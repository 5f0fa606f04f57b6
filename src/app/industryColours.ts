/**
 * Colours of industries on the map: industries of the same supply chain share a hue and differ in
 * lightness, so a zone whose leading industries are related stays in one colour family.
 * Pure module.
 */

/**
 * One CSS colour per industry.
 *
 * @param chains supply chain of each industry (−1 when unknown: hues are then spread by the golden angle).
 * @example industryPalette(Int32Array.from([0, 1, 0, 1])) // ['hsl(…)', …] four colours, two hues
 */
export function industryPalette(chains: ArrayLike<number>): string[] {
  const count = chains.length;
  let chainCount = 0;
  for (let j = 0; j < count; j++) chainCount = Math.max(chainCount, chains[j] + 1);
  const seen = new Map<number, number>();
  const members = new Map<number, number>();
  for (let j = 0; j < count; j++) members.set(chains[j], (members.get(chains[j]) ?? 0) + 1);
  const colours: string[] = [];
  for (let j = 0; j < count; j++) {
    const chain = chains[j];
    if (chain < 0 || chainCount === 0) {
      colours.push(`hsl(${Math.round((j * 137.508) % 360)} 65% 48%)`);
      continue;
    }
    const rank = seen.get(chain) ?? 0;
    seen.set(chain, rank + 1);
    const size = members.get(chain) ?? 1;
    const hue = Math.round((chain * 360) / Math.max(chainCount, 1) + 200) % 360;
    const lightness = size === 1 ? 48 : Math.round(34 + (30 * rank) / (size - 1));
    colours.push(`hsl(${hue} 70% ${lightness}%)`);
  }
  return colours;
}

/** Colour of zones without firms and of the outside option. */
export const EMPTY_ZONE_COLOUR = 'hsl(0 0% 78%)';
export const OUTSIDE_COLOUR = 'hsl(0 0% 55%)';
