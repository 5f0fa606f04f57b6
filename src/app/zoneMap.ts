/**
 * The animated map of zones: each zone is a bubble at its model coordinates (zones.x / zones.y),
 * with area proportional to its output and the colour of its largest industry; a grey bubble beside
 * the province stands for all scattered firms outside the zones. Frames are interpolated so
 * playback is smooth between yearly recordings.
 */
import { EMPTY_ZONE_COLOUR, OUTSIDE_COLOUR } from './industryColours.ts';
import type { RunMeta, ZoneSnapshot } from './workerProtocol.ts';

/** A bubble to draw, in CSS pixels. */
export interface Bubble {
  /** Zone index, or −1 for the outside option. */
  readonly zone: number;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  readonly colour: string;
  readonly output: number;
  readonly firms: number;
  readonly topIndustry: number;
}

/** Geometry of the map inside a canvas of the given CSS size. */
export interface MapGeometry {
  readonly padding: number;
  /** Side of the province square. */
  readonly side: number;
  /** Largest bubble radius (for output = scale). */
  readonly maxRadius: number;
  /** Centre of the outside bubble. */
  readonly outsideX: number;
  readonly outsideY: number;
  readonly outsideMaxRadius: number;
}

/** Width of the strip right of the province that holds the outside bubble. */
const OUTSIDE_STRIP = 96;

/** Geometry for a canvas of width × height CSS pixels and the given number of zones. */
export function mapGeometry(width: number, height: number, zoneCount: number): MapGeometry {
  const padding = 18;
  const side = Math.max(40, Math.min(height - 2 * padding - 14, width - OUTSIDE_STRIP - 2 * padding));
  const share = Math.min(0.14, Math.max(0.035, 0.45 / Math.sqrt(Math.max(zoneCount, 1) + 1)));
  return {
    padding,
    side,
    maxRadius: side * share,
    outsideX: padding + side + OUTSIDE_STRIP / 2 + 4,
    outsideY: padding + side / 2,
    outsideMaxRadius: OUTSIDE_STRIP / 2 - 6,
  };
}

function interpolate(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/**
 * Outputs that get the largest bubble: one scale for zones and one for the outside bubble (whose
 * output is typically several times a zone's), both shared by the two maps of a comparison.
 */
export interface MapScale {
  readonly zone: number;
  readonly outside: number;
}

/**
 * The bubbles of one moment, between snapshot `a` and `b` (fraction t in [0, 1]).
 *
 * @param scale outputs that get the largest radius.
 * @param palette colour of each industry.
 */
export function layoutBubbles(
  meta: RunMeta,
  a: ZoneSnapshot,
  b: ZoneSnapshot,
  t: number,
  scale: MapScale,
  geometry: MapGeometry,
  palette: readonly string[],
): Bubble[] {
  const bubbles: Bubble[] = [];
  const region = meta.regionSizeKm > 0 ? meta.regionSizeKm : 1;
  const nearest = t < 0.5 ? a : b;
  const radiusOf = (output: number, max: number, full: number): number =>
    full > 0 && output > 0 ? Math.max(2, max * Math.sqrt(Math.min(1, output / full))) : 2;
  for (let z = 0; z < meta.zoneCount; z++) {
    const output = interpolate(a.output[z], b.output[z], t);
    const top = nearest.topIndustry[z];
    bubbles.push({
      zone: z,
      x: geometry.padding + (meta.x[z] / region) * geometry.side,
      y: geometry.padding + (1 - meta.y[z] / region) * geometry.side,
      radius: radiusOf(output, geometry.maxRadius, scale.zone),
      colour: top >= 0 ? (palette[top] ?? EMPTY_ZONE_COLOUR) : EMPTY_ZONE_COLOUR,
      output,
      firms: interpolate(a.firms[z], b.firms[z], t),
      topIndustry: top,
    });
  }
  const outside = meta.zoneCount;
  const outsideOutput = interpolate(a.output[outside], b.output[outside], t);
  bubbles.push({
    zone: -1,
    x: geometry.outsideX,
    y: geometry.outsideY,
    radius: radiusOf(outsideOutput, geometry.outsideMaxRadius, scale.outside),
    colour: OUTSIDE_COLOUR,
    output: outsideOutput,
    firms: interpolate(a.firms[outside], b.firms[outside], t),
    topIndustry: -1,
  });
  return bubbles;
}

/** Draws one run's zones on a canvas and answers "which zone is under the pointer". */
export class ZoneMap {
  private bubbles: Bubble[] = [];
  private readonly context: CanvasRenderingContext2D;

  /**
   * @param canvas the canvas (its CSS size decides the drawing size).
   * @param describe text for the canvas tooltip of a bubble under the pointer.
   */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    describe: (bubble: Bubble) => string,
  ) {
    const context = canvas.getContext('2d');
    if (!context) throw new Error('classroom page: no 2D canvas context');
    this.context = context;
    canvas.addEventListener('mousemove', (event) => {
      const box = canvas.getBoundingClientRect();
      const x = event.clientX - box.left;
      const y = event.clientY - box.top;
      const hit = [...this.bubbles].reverse().find((b) => (b.x - x) ** 2 + (b.y - y) ** 2 <= Math.max(b.radius, 6) ** 2);
      canvas.title = hit ? describe(hit) : '';
    });
  }

  /** Clear the map and write a message in it (e.g. while computing). */
  message(text: string): void {
    const { width, height } = this.resize();
    const c = this.context;
    c.clearRect(0, 0, width, height);
    c.fillStyle = '#555';
    c.font = '15px system-ui, sans-serif';
    c.textAlign = 'center';
    c.fillText(text, width / 2, height / 2);
    this.bubbles = [];
  }

  private resize(): { width: number; height: number } {
    const ratio = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth || 400;
    const height = this.canvas.clientHeight || 300;
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
    }
    this.context.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { width, height };
  }

  /**
   * Draw the moment between snapshots a and b.
   *
   * @param caption text under the province (e.g. the year and scenario name).
   */
  draw(meta: RunMeta, a: ZoneSnapshot, b: ZoneSnapshot, t: number, scale: MapScale, palette: readonly string[], caption: string): void {
    const { width, height } = this.resize();
    const geometry = mapGeometry(width, height, meta.zoneCount);
    const c = this.context;
    c.clearRect(0, 0, width, height);
    c.fillStyle = '#f4f6f1';
    c.strokeStyle = '#9aa39a';
    c.lineWidth = 1;
    c.fillRect(geometry.padding, geometry.padding, geometry.side, geometry.side);
    c.strokeRect(geometry.padding, geometry.padding, geometry.side, geometry.side);
    this.bubbles = layoutBubbles(meta, a, b, t, scale, geometry, palette);
    const zones = this.bubbles.filter((bubble) => bubble.zone >= 0).sort((p, q) => q.radius - p.radius);
    const labelled = meta.zoneCount <= 40;
    for (const bubble of [...zones, this.bubbles[this.bubbles.length - 1]]) {
      c.beginPath();
      c.arc(bubble.x, bubble.y, bubble.radius, 0, 2 * Math.PI);
      c.globalAlpha = bubble.zone >= 0 ? 0.82 : 0.6;
      c.fillStyle = bubble.colour;
      c.fill();
      c.globalAlpha = 1;
      c.strokeStyle = '#2b2b2b';
      c.lineWidth = 0.8;
      c.stroke();
      if (labelled && bubble.zone >= 0) {
        c.fillStyle = '#111';
        c.font = '11px system-ui, sans-serif';
        c.textAlign = 'center';
        c.fillText(String(bubble.zone + 1), bubble.x, bubble.y - bubble.radius - 3);
      }
    }
    c.fillStyle = '#333';
    c.font = '12px system-ui, sans-serif';
    c.textAlign = 'center';
    const outside = this.bubbles[this.bubbles.length - 1];
    const total = this.bubbles.reduce((sum, bubble) => sum + bubble.output, 0);
    c.fillText('outside zones', geometry.outsideX, geometry.outsideY + geometry.outsideMaxRadius + 16);
    if (total > 0) c.fillText(`${Math.round((100 * outside.output) / total)}% of output`, geometry.outsideX, geometry.outsideY + geometry.outsideMaxRadius + 31);
    c.textAlign = 'left';
    c.font = '13px system-ui, sans-serif';
    c.fillText(caption, geometry.padding, geometry.padding + geometry.side + 15);
  }
}
