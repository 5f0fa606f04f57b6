/**
 * The section a claims run's report opens with: the claim → evidence → verdict table (each claim's
 * primary outcomes in each of its windows, with the robustness of the verdict), the groups of
 * scenarios, and per claim its words, every outcome ranked, a trajectory chart of the paired contrast
 * and a forest plot. Every text is escaped. Pure module (HTML in a string).
 */
import { CLAIM_VERDICTS } from '../claims/claimVerdict.ts';
import { SIGN_CONVENTION } from '../claims/claimsTables.ts';
import type { ClaimResult, OutcomeResult, WindowResult } from '../claims/evaluateClaims.ts';
import type { ChartSpec } from './chartConfigs.ts';
import { claimForestChart, claimTrajectoryChart, formatPercent, trajectoryOutcomes, VERDICT_COLOURS } from './claimsCharts.ts';
import { formatInUnit, formatMillionYuan, isMillionYuanUnit, moneyRateSuffix } from './formatMoney.ts';
import { escapeHtml as e, formatInterval, formatNumber, formatSigned, slug } from './formatting.ts';
import type { ChartImageFormat } from './renderChartImages.ts';
import { chartFigure } from './reportHtml.ts';

/** A group of scenarios as the section lists it. */
export interface ClaimsSectionGroup {
  readonly label: string;
  readonly reference: string;
  readonly scenarios: readonly string[];
}

/** What the section needs besides the results. */
export interface ClaimsSectionOptions {
  /** The claims file's name and description. */
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly groups: readonly ClaimsSectionGroup[];
  /** Image formats the charts are written in (links under each chart; empty: none). */
  readonly imageFormats: readonly ChartImageFormat[];
  /** The robustness settings in words (e.g. "5 replications per variant; 12 draws"). */
  readonly robustnessText: string;
}

const VERDICT_STYLE = `
table.claims { width: 100%; }
table.claims td.verdict { font-weight: 600; width: 1%; min-width: 7.5em; }
table.claims .words { max-width: 230px; font-weight: normal; }
table.claims .words a { font-weight: 600; }
table.claims .zh { display: block; color: var(--muted); font-size: 0.85rem; }
span.verdict { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; }
td.robust { font-size: 0.85rem; min-width: 240px; max-width: 320px; overflow-wrap: anywhere; }
.claim-details .charts { margin-top: 6px; }
`;

function verdictBadge(verdict: string): string {
  const colour = VERDICT_COLOURS[verdict as keyof typeof VERDICT_COLOURS] ?? '#888888';
  const text = verdict === 'no difference' || verdict === 'unsettled' ? '#000' : '#fff';
  return `<span class="verdict" data-verdict="${e(verdict)}" style="background:${colour};color:${text}">${e(verdict)}</span>`;
}

function differenceText(o: OutcomeResult, w: WindowResult): string {
  const ev = w.evidence;
  if (ev.verdict === 'no difference') return 'equal up to rounding';
  if (isMillionYuanUnit(o.unit)) {
    // Money in readable units: "+¥1.31 trn/year [¥1.19 trn, ¥1.43 trn]".
    const money = (v: number, signed: boolean): string => formatMillionYuan(v, signed);
    return `${money(ev.meanDifference, true)}${moneyRateSuffix(o.unit)} [${money(ev.lower, false)}, ${money(ev.upper, false)}]`;
  }
  const unit = o.unit === '' ? '' : ` ${o.unit}`;
  return `${formatSigned(ev.meanDifference)}${unit} ${formatInterval(ev.lower, ev.upper)}`;
}

function relativeText(w: WindowResult): string {
  const ev = w.evidence;
  if (ev.verdict === 'no difference') return '0 %';
  if (ev.relative === null) return '—';
  return `${formatPercent(ev.relative)} [${formatPercent(ev.relativeLower)}, ${formatPercent(ev.relativeUpper)}]`;
}

function smallestText(o: OutcomeResult, w: WindowResult): string {
  const s = o.outcome.smallestEffect;
  const amount = (v: number): string => (isMillionYuanUnit(o.unit) ? formatMillionYuan(v) : formatNumber(v));
  return 'relative' in s
    ? `±${formatNumber(s.relative * 100)} % (${amount(w.evidence.smallestEffect)})`
    : `±${formatInUnit(s.absolute, o.unit, formatNumber)}`;
}

function robustnessCell(w: WindowResult): string {
  return `<td class="robust">${w.robustnessText === '' ? '—' : e(w.robustnessText)}</td>`;
}

/** The difference and its share of the reference, on two lines. */
function evidenceCell(o: OutcomeResult, w: WindowResult): string {
  return `<td class="num">${e(differenceText(o, w))}<br><span class="meta">${e(relativeText(w))}</span></td>`;
}

/** The claim → evidence → verdict table: one row per claim × primary outcome × window. */
function claimsTable(results: readonly ClaimResult[]): string {
  const rows: string[] = [];
  for (const r of results) {
    const shown = trajectoryOutcomes(r);
    const lines = shown.flatMap((o) => o.windows.map((w) => ({ o, w })));
    lines.forEach(({ o, w }, i) => {
      const claimCells =
        i === 0
          ? `<th scope="rowgroup" rowspan="${lines.length}" class="words"><a href="#claim-${e(slug(r.claim.id))}">${e(r.claim.title)}</a> <span class="meta">${e(r.claim.rules.join(', '))}</span>` +
            `<span class="zh" lang="zh">${e(r.claim.words.zh)}</span></th>` +
            `<td rowspan="${lines.length}"><code>${e(r.contrastText)}</code><br><span class="meta">n = ${r.replications}</span></td>`
          : '';
      rows.push(
        `<tr data-claim="${e(r.claim.id)}">${claimCells}<td>${e(o.label)} <span class="meta">(${e(o.outcome.direction)})</span></td><td>${e(w.label)}</td>` +
          `${evidenceCell(o, w)}<td class="num">${e(smallestText(o, w))}</td>` +
          `<td class="verdict">${verdictBadge(w.evidence.verdict)}</td>${robustnessCell(w)}</tr>`,
      );
    });
  }
  return (
    `<div class="scroll"><table class="claims"><caption>Claim → evidence → verdict (primary outcomes; every outcome under each claim below)</caption>` +
    `<thead><tr><th scope="col">Claim and the speech’s words</th><th scope="col">Contrast (scenario − reference)</th><th scope="col">Outcome (claimed)</th>` +
    `<th scope="col">Window</th><th scope="col">Difference, 95% CI; % of reference</th><th scope="col">Smallest effect that matters</th>` +
    `<th scope="col">Verdict</th><th scope="col">Robustness</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`
  );
}

function outcomeTable(r: ClaimResult): string {
  const rows = r.outcomes
    .flatMap((o) =>
      o.windows.map(
        (w) =>
          `<tr><th scope="row">${o.primary ? '★ ' : ''}${e(o.label)} <code>${e(o.outcome.reporter)}</code></th><td>${e(o.outcome.direction)}</td><td>${e(w.label)}</td>` +
          `${evidenceCell(o, w)}<td class="num">${e(smallestText(o, w))}</td>` +
          `<td class="verdict">${verdictBadge(w.evidence.verdict)}</td>${robustnessCell(w)}</tr>`,
      ),
    )
    .join('\n');
  return (
    `<div class="scroll"><table class="claims"><caption>Every outcome (★ primary first, then by size of the relative effect at the end)</caption>` +
    `<thead><tr><th scope="col">Outcome</th><th scope="col">Claimed</th><th scope="col">Window</th><th scope="col">Difference, 95% CI; % of reference</th>` +
    `<th scope="col">Smallest effect</th><th scope="col">Verdict</th><th scope="col">Robustness</th></tr></thead><tbody>\n${rows}\n</tbody></table></div>`
  );
}

function variantsText(r: ClaimResult): string {
  if (r.variants.length === 0) return 'No robustness variants.';
  const forms = r.variants.filter((v) => v.kind === 'form');
  const draws = r.variants.filter((v) => v.kind === 'draw');
  const parts: string[] = [];
  if (forms.length > 0) parts.push(`alternative forms ${forms.map((f) => `${f.label} (${f.overrides.map(([p, v]) => `${p} = ${String(v)}`).join(', ')})`).join('; ')}`);
  if (draws.length > 0) parts.push(`${draws.length} ${r.claim.robustness.uncertainty === 'posterior' ? 'posterior draws' : 'Latin hypercube draws'} of ${draws[0].overrides.map(([p]) => p).join(', ')}`);
  return `Robustness: ${parts.join('; ')}, ${r.robustnessReplications} replications each, applied to every arm except in the parameters the arms differ in (the claim's levers).`;
}

/**
 * The section's HTML and its charts.
 *
 * @param results the evaluated claims (evaluateClaims).
 * @param options names, groups, image formats and the robustness settings in words.
 * @returns `{ id, title, html, charts }` for renderReport's `leadingSection`.
 */
export function claimsSection(results: readonly ClaimResult[], options: ClaimsSectionOptions): { id: string; title: string; html: string; charts: ChartSpec[] } {
  const charts: ChartSpec[] = [];
  const details = results
    .map((r, i) => {
      const trajectory = claimTrajectoryChart(r);
      const forest = claimForestChart(r);
      charts.push(trajectory, forest);
      return (
        `<details class="claim-details" id="claim-${e(slug(r.claim.id))}"${i === 0 ? ' open' : ''}><summary><h3>${e(r.claim.title)}</h3> ` +
        `<span class="counts">${e(r.contrastText)}</span></summary>\n` +
        `<blockquote><p lang="zh">${e(r.claim.words.zh)}</p><p>${e(r.claim.words.en)}</p></blockquote>\n` +
        `<p class="meta">Rules ${e(r.claim.rules.join(', '))} · ${e(r.claim.contrast === 'pair' ? `pair: ${r.arms[0]} minus ${r.arms[1]}` : `2×2 (${r.claim.factors.join(' × ')}): both ${r.arms[0]}, ${r.claim.factors[0]} only ${r.arms[1]}, ${r.claim.factors[1]} only ${r.arms[2]}, neither ${r.arms[3]}`)} · ` +
        `${r.replications} replications. ${e(variantsText(r))}</p>\n` +
        (r.claim.note === '' ? '' : `<p class="description">${e(r.claim.note)}</p>\n`) +
        `${outcomeTable(r)}\n<div class="charts">\n${chartFigure(trajectory, options.imageFormats)}\n${chartFigure(forest, options.imageFormats)}\n</div></details>`
      );
    })
    .join('\n');
  const groups =
    options.groups.length === 0
      ? ''
      : `<details class="groups"><summary><h3>Groups of scenarios</h3> <span class="counts">${options.groups.length} groups, each with its own reference and scale</span></summary>\n` +
        `<table><thead><tr><th scope="col">Group</th><th scope="col">Reference</th><th scope="col">Scenarios</th></tr></thead><tbody>\n` +
        options.groups.map((g) => `<tr><th scope="row">${e(g.label)}</th><td>${e(g.reference)}</td><td>${e(g.scenarios.join(', '))}</td></tr>`).join('\n') +
        `\n</tbody></table></details>`;
  const counts = CLAIM_VERDICTS.map((v) => [v, results.flatMap((r) => trajectoryOutcomes(r).map((o) => o.windows[0].evidence.verdict)).filter((x) => x === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`)
    .join(', ');
  const html =
    `<style>${VERDICT_STYLE}</style>\n<section id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims: evidence and verdicts</h2>\n` +
    `<p><strong>${e(options.name)}</strong> (<code>${e(options.file)}</code>): ${e(options.description)} ${results.length} claims; primary outcomes at the end state: ${e(counts)}.</p>\n` +
    `<p>Every difference is <strong>${e(SIGN_CONVENTION)}</strong>, replication by replication (common random numbers), with its 95% Student-t interval, ` +
    `also in % of the reference mean (the reference arm; for a 2×2 the arm with neither factor). Verdicts: <em>supported</em> — the interval excludes 0 in the claimed direction; ` +
    `<em>contradicted</em> — in the other direction; <em>no effect that matters</em> — the interval lies inside ± the smallest effect that matters; ` +
    `<em>unsettled</em> — none of these (more replications may tell); <em>no difference</em> — equal in every replication up to floating-point rounding (never a finding). ` +
    `No p-values. ${e(options.robustnessText)} Files: <code>claims.csv</code>, <code>claims-trajectory.csv</code>, <code>claims.json</code> (docs/claims.md).</p>\n` +
    `${claimsTable(results)}\n${groups}\n${details}\n</section>`;
  return { id: 'claims', title: 'Claims', html, charts };
}
