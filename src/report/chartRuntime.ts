import type { ChartJsConfig } from './chartConfigs.ts';

/**
 * The few lines of code the report's charts need beyond their JSON configurations, as one piece of
 * plain JavaScript source run in both places that draw charts: inlined in report.html (a classic
 * <script>) and evaluated in Node by `loadChartRuntime` for the PNG/SVG files. One source, so the
 * page and the images cannot drift apart. (It is a string rather than TypeScript functions turned
 * into text with toString(): TypeScript transpilers may insert helpers into function bodies, which
 * would then be undefined in the page.)
 *
 * It defines:
 * - `zonesimApplyDefaults(Chart)`: fonts, colour and the deterministic settings (no animation, not
 *   responsive, devicePixelRatio 1);
 * - `zonesimHydrate(config)`: adds to a JSON configuration (which it mutates and returns) the legend
 *   and tooltip filters, the per-point tooltip texts (or "mean [lower, upper]" for a line with a
 *   band), and three inline chart.js plugins:
 *   `zonesimBackground` (white background, so PNGs are not transparent), `zonesimErrorBars` (whiskers
 *   from dataset `errorBars`, vertical or horizontal with `indexAxis`) and `zonesimReferenceLine` (a
 *   dashed line at a value of an axis, under the data);
 * - `zonesimMoney(millionYuan, rate)`: readable money ("¥1.5 trn/year"), used for the ticks of
 *   scales marked `zonesimMoney` (without the rate, which the axis title names) and the band tooltips of charts whose options carry it.
 */
export const CHART_RUNTIME_SOURCE = String.raw`
var ZONESIM_FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif";

function zonesimApplyDefaults(Chart) {
  Chart.defaults.font.family = ZONESIM_FONT_FAMILY;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = '#222222';
  Chart.defaults.animation = false;
  Chart.defaults.responsive = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.devicePixelRatio = 1;
}

var zonesimBackgroundPlugin = {
  id: 'zonesimBackground',
  defaults: { color: '#FFFFFF' },
  beforeDraw: function (chart, args, options) {
    var ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = options.color;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  }
};

var zonesimErrorBarsPlugin = {
  id: 'zonesimErrorBars',
  defaults: { color: '#222222', lineWidth: 1.5, capSize: 5 },
  afterDatasetsDraw: function (chart, args, options) {
    var ctx = chart.ctx;
    var horizontal = chart.options.indexAxis === 'y';
    chart.data.datasets.forEach(function (dataset, i) {
      var bars = dataset.errorBars;
      if (!bars || !chart.isDatasetVisible(i)) return;
      var meta = chart.getDatasetMeta(i);
      var scale = chart.scales[horizontal ? meta.xAxisID : meta.yAxisID];
      if (!scale) return;
      ctx.save();
      ctx.strokeStyle = options.color;
      ctx.lineWidth = options.lineWidth;
      ctx.setLineDash([]);
      meta.data.forEach(function (element, j) {
        var bar = bars[j];
        if (!bar || typeof bar[0] !== 'number' || typeof bar[1] !== 'number') return;
        var a = scale.getPixelForValue(bar[0]);
        var b = scale.getPixelForValue(bar[1]);
        var c = options.capSize;
        ctx.beginPath();
        if (horizontal) {
          var y = element.y;
          ctx.moveTo(a, y); ctx.lineTo(b, y);
          ctx.moveTo(a, y - c); ctx.lineTo(a, y + c);
          ctx.moveTo(b, y - c); ctx.lineTo(b, y + c);
        } else {
          var x = element.x;
          ctx.moveTo(x, a); ctx.lineTo(x, b);
          ctx.moveTo(x - c, a); ctx.lineTo(x + c, a);
          ctx.moveTo(x - c, b); ctx.lineTo(x + c, b);
        }
        ctx.stroke();
      });
      ctx.restore();
    });
  }
};

var zonesimReferenceLinePlugin = {
  id: 'zonesimReferenceLine',
  defaults: { axis: 'x', value: null, color: '#333333', lineWidth: 1, dash: [] },
  beforeDatasetsDraw: function (chart, args, options) {
    if (typeof options.value !== 'number') return;
    var scale = chart.scales[options.axis];
    if (!scale) return;
    var p = scale.getPixelForValue(options.value);
    var area = chart.chartArea;
    var ctx = chart.ctx;
    var horizontal = scale.isHorizontal();
    if (horizontal ? (p < area.left - 0.5 || p > area.right + 0.5) : (p < area.top - 0.5 || p > area.bottom + 0.5)) return;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = options.lineWidth;
    ctx.setLineDash(Array.prototype.slice.call(options.dash || []));
    ctx.beginPath();
    if (horizontal) { ctx.moveTo(p, area.top); ctx.lineTo(p, area.bottom); }
    else { ctx.moveTo(area.left, p); ctx.lineTo(area.right, p); }
    ctx.stroke();
    ctx.restore();
  }
};

var zonesimNumberFormat = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 4 });
function zonesimFormat(value) {
  return typeof value === 'number' && isFinite(value) ? zonesimNumberFormat.format(value) : '—';
}

// Money in M¥ as readable money: the rules of formatMillionYuan in src/report/formatMoney.ts
// (test/report/formatMoney.test.ts checks that both give the same text).
var zonesimMoneyFormat = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });
var ZONESIM_MONEY_SCALES = [[1e6, ' trn'], [1e3, ' bn'], [1, ' M'], [1e-3, ' k']];
function zonesimMoney(millionYuan, rate) {
  if (typeof millionYuan !== 'number' || !isFinite(millionYuan)) return '—';
  if (millionYuan === 0) return '¥0' + (rate || '');
  var sign = millionYuan < 0 ? '−' : '';
  var magnitude = Math.abs(millionYuan);
  var rounded = Number(magnitude.toPrecision(3));
  for (var i = 0; i < ZONESIM_MONEY_SCALES.length; i++) {
    var size = ZONESIM_MONEY_SCALES[i][0];
    if (rounded >= size) return sign + '¥' + zonesimMoneyFormat.format(Number((magnitude / size).toPrecision(3))) + ZONESIM_MONEY_SCALES[i][1] + (rate || '');
  }
  return sign + '¥' + zonesimMoneyFormat.format(Number((magnitude * 1e6).toPrecision(3))) + (rate || '');
}

function zonesimHydrate(config) {
  var options = config.options || (config.options = {});
  var plugins = options.plugins || (options.plugins = {});
  var legend = plugins.legend || (plugins.legend = {});
  var labels = legend.labels || (legend.labels = {});
  labels.filter = function (item, data) {
    var dataset = data.datasets[item.datasetIndex];
    return !(dataset && dataset.zonesimHideInLegend);
  };
  var tooltip = plugins.tooltip || (plugins.tooltip = {});
  tooltip.filter = function (item) {
    return !(item.dataset && item.dataset.zonesimHideInTooltip);
  };
  var scales = options.scales || {};
  Object.keys(scales).forEach(function (id) {
    var scale = scales[id];
    if (!scale || typeof scale.zonesimMoney !== 'string') return;
    // Ticks carry ¥ and the scale word; the rate is in the axis title ("yuan/year").
    var ticks = scale.ticks || (scale.ticks = {});
    ticks.callback = function (value) { return zonesimMoney(Number(value), ''); };
  });
  var money = typeof options.zonesimMoney === 'string' ? options.zonesimMoney : null;
  var show = function (value) { return money === null ? zonesimFormat(value) : zonesimMoney(value, ''); };
  var callbacks = tooltip.callbacks || (tooltip.callbacks = {});
  callbacks.label = function (item) {
    var dataset = item.dataset || {};
    var texts = dataset.zonesimTooltip;
    var text = texts ? texts[item.dataIndex] : undefined;
    if (typeof text === 'string') return text;
    var band = dataset.zonesimBand;
    if (band) {
      var all = item.chart.data.datasets;
      return dataset.label + ': ' + show(item.parsed.y) + (money === null ? '' : money) +
        ' [' + show(all[band[0]].data[item.dataIndex]) + ', ' + show(all[band[1]].data[item.dataIndex]) + ']';
    }
    return undefined;
  };
  config.plugins = (config.plugins || []).concat([zonesimBackgroundPlugin, zonesimErrorBarsPlugin, zonesimReferenceLinePlugin]);
  return config;
}
`;

/** The functions of the chart runtime, evaluated in Node. */
export interface ChartRuntime {
  /** Set chart.js defaults (fonts, no animation, devicePixelRatio 1) on the given Chart class. */
  applyDefaults(chart: unknown): void;
  /** Add the plugins and callbacks to a JSON configuration (mutated and returned; pass a copy). */
  hydrate(config: ChartJsConfig): unknown;
  /** The runtime's money formatter (the page's ticks and tooltips). */
  money(millionYuan: number, rate: string): string;
}

/** Evaluate `CHART_RUNTIME_SOURCE` in Node and return its two entry points. */
export function loadChartRuntime(): ChartRuntime {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the runtime is our own constant source
  const factory = new Function(`${CHART_RUNTIME_SOURCE}\nreturn { applyDefaults: zonesimApplyDefaults, hydrate: zonesimHydrate, money: zonesimMoney };`);
  return factory() as ChartRuntime;
}
