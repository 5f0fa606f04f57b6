/**
 * Colours of the report's charts, chosen for readers with colour-vision deficiencies.
 *
 * Scenarios: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design") without its yellow,
 * which is too light for lines on white; past its 7 colours the cycle repeats with a dashed and then
 * a dotted line, so 21 scenarios stay distinguishable. A scenario's style depends only on its
 * position in `ReportInput.scenarios`, so it is the same in every chart of a report.
 *
 * Directions of paired differences: blue for increase, vermillion for decrease, grey for unsettled.
 * Industries on the maps: Paul Tol's "muted" qualitative scheme, grey for the rest.
 */

/** Okabe–Ito colours in the order scenarios receive them (black first: usually the baseline). */
export const SCENARIO_COLOURS: readonly string[] = [
  '#000000', // black
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
];

/** Line dash patterns (chart.js `borderDash`) used for the first, second and third colour cycle. */
export const SCENARIO_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3]];

/** How one scenario is drawn in every chart. */
export interface ScenarioStyle {
  readonly colour: string;
  readonly dash: readonly number[];
}

/** Style of the scenario at `index` in the report's scenario list. */
export function scenarioStyle(index: number): ScenarioStyle {
  const n = SCENARIO_COLOURS.length;
  const cycle = Math.floor(index / n) % SCENARIO_DASHES.length;
  return { colour: SCENARIO_COLOURS[index % n], dash: SCENARIO_DASHES[cycle] };
}

/** Colours of the direction of a paired difference (forest plots, summary). */
export const DIRECTION_COLOURS = {
  increase: '#0072B2',
  decrease: '#D55E00',
  unsettled: '#888888',
  'no-difference': '#888888',
} as const;

/** Paul Tol's muted scheme, for the leading industries on the zone maps. */
export const INDUSTRY_COLOURS: readonly string[] = [
  '#332288', // indigo
  '#88CCEE', // cyan
  '#44AA99', // teal
  '#117733', // green
  '#999933', // olive
  '#DDCC77', // sand
  '#CC6677', // rose
  '#882255', // wine
  '#AA4499', // purple
];

/** Colour of industries beyond the palette, and of empty zones' outlines. */
export const OTHER_INDUSTRY_COLOUR = '#BBBBBB';

/** `#RRGGBB` with an alpha in [0, 1] as a CSS `rgba(…)` string. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new Error(`withAlpha needs a #RRGGBB colour, got ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
