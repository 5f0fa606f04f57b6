/**
 * The classroom page's controller: wires the levers, presets, exercises, playback, maps, charts,
 * comparison, batch mode, import/export and shared links together. The model itself only ever runs
 * in the simulation workers (simulationWorker.ts), unchanged from src/model.
 */
import type { ModelInput } from '../model/modelInput.ts';
import { defaultParameters } from '../model/parameterSpecification.ts';
import { replicationSeed } from '../model/randomStreams.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import type { ValidatedScenario } from '../scenario/validateScenario.ts';
import { confidenceBand, finalDifferenceVerdict, type ReplicationSeries } from './batchStatistics.ts';
import type { CatalogueScenario, Exercise } from './catalogue.ts';
import { chartTitle, formatValue, MAIN_CHART_METRICS, PROVINCE_REPORTERS, reporterByName } from './chartMetrics.ts';
import { ControlsPanel } from './controlsPanel.ts';
import { byId, downloadText, element } from './dom.ts';
import { industryPalette } from './industryColours.ts';
import { INFO_SECTIONS } from './infoContent.ts';
import { escapeHtml, renderMarkdown } from './markdown.ts';
import { OutcomeChart, type ChartPoint } from './outcomeCharts.ts';
import { buildControlGroups } from './parameterControls.ts';
import { resultsCsv } from './resultsCsv.ts';
import { monthLabel } from './timeLabels.ts';
import { exportScenarioYaml, importScenarioText } from './scenarioFiles.ts';
import { changedParameters, defaultPageScenario, validateEdits, type PageScenario } from './scenarioSettings.ts';
import { decodeSettingsHash, encodeSettingsHash, URL_FILE_LABEL } from './shareUrl.ts';
import { SimulationClient, type RunSide, type WorkerFactory } from './simulationClient.ts';
import type { RunFrame, RunMeta, ZoneSnapshot } from './workerProtocol.ts';
import { ZoneMap, type Bubble, type MapScale } from './zoneMap.ts';

/** Replications of batch mode. */
export const BATCH_REPLICATIONS = 20;

/** Key of the "every parameter at its default" comparison. */
export const DEFAULTS_KEY = 'defaults';

/** The comparison loaded at start. */
const INITIAL_COMPARISON = 'scenarios/baseline.yaml';

/** The base seed of `zonesim run` when none is given. */
const DEFAULT_SEED = 2009;

/** One streamed run on one side of the comparison. */
interface RunRecord {
  readonly side: RunSide;
  readonly label: string;
  readonly seed: number;
  readonly signature: string;
  meta: RunMeta | null;
  readonly frames: RunFrame[];
  done: boolean;
  computeMs: number | null;
  palette: string[];
}

/** Results of a batch. */
interface BatchResult {
  readonly policyLabel: string;
  readonly comparisonLabel: string | null;
  readonly policy: ReplicationSeries[];
  readonly comparison: ReplicationSeries[] | null;
  readonly wallMs: number;
  readonly computeMs: number;
  stale: boolean;
}

/** What the page is given at start. */
export interface ClassroomInputs {
  readonly scenarios: readonly CatalogueScenario[];
  readonly exercises: readonly Exercise[];
  readonly createWorker: WorkerFactory;
  readonly poolSize: number;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/** The classroom page. */
export class ClassroomApp {
  private readonly catalogue = new Map<string, CatalogueScenario>();
  private readonly exercises: readonly Exercise[];
  private readonly client: SimulationClient;
  private readonly panel: ControlsPanel;
  private readonly liveCharts: OutcomeChart[] = [];
  private readonly batchCharts: OutcomeChart[] = [];
  private readonly maps: Record<RunSide, ZoneMap>;

  private scenario: PageScenario = defaultPageScenario();
  private readonly drafts = new Map<string, unknown>();
  private presetKey: string | null = null;
  private exercise: Exercise | null = null;
  private baseSeed = DEFAULT_SEED;
  private replication = 0;
  private compareEnabled = false;
  private compareKey = INITIAL_COMPARISON;

  private readonly runs: Record<RunSide, RunRecord | null> = { policy: null, comparison: null };
  private playing = false;
  /** Simulated years since the start of the runs shown. */
  private time = 0;
  private speed = 3;
  private lastTick = 0;
  private chartKey = '';
  private numbersKey = '';
  private batch: BatchResult | null = null;
  private batchRunning = false;
  private lastHash = '';

  constructor(inputs: ClassroomInputs) {
    for (const entry of inputs.scenarios) this.catalogue.set(entry.key, entry);
    this.exercises = inputs.exercises;
    this.client = new SimulationClient(inputs.createWorker, inputs.poolSize);
    this.panel = new ControlsPanel(byId('controls'), buildControlGroups(), (path, value) => this.edit(path, value));
    this.panel.openGroups(['zones', 'choice']);
    const describeBubble = (side: RunSide) => (bubble: Bubble) => this.describeBubble(side, bubble);
    this.maps = {
      policy: new ZoneMap(byId<HTMLCanvasElement>('policy-map'), describeBubble('policy')),
      comparison: new ZoneMap(byId<HTMLCanvasElement>('comparison-map'), describeBubble('comparison')),
    };
    for (const metric of MAIN_CHART_METRICS) {
      const live = new OutcomeChart(metric, () => {
        this.chartKey = '';
        this.render();
      });
      this.liveCharts.push(live);
      byId('live-charts').append(live.root);
      const banded = new OutcomeChart(metric, () => this.renderBatch());
      this.batchCharts.push(banded);
      byId('batch-charts').append(banded.root);
    }
    this.buildMenus();
    this.buildInfo();
    this.buildExercises();
    this.wire();
  }

  /** Start: apply a shared link if the address has one, then run. */
  start(): void {
    this.panel.setValues(this.scenario.parameters);
    this.updateScenarioLine();
    if (!this.applyHash(location.hash)) this.scheduleRun(['policy']);
    requestAnimationFrame((t) => this.tick(t));
  }

  // ---------------------------------------------------------------- menus and static panels

  private scenarioOptions(select: HTMLSelectElement): void {
    const bundled = element('optgroup', { label: 'Bundled scenarios (scenarios/)' });
    const exercise = element('optgroup', { label: 'Exercise presets (docs/exercises/presets/)' });
    for (const entry of this.catalogue.values()) {
      const option = element('option', { value: entry.key, title: entry.scenario.description }, entry.scenario.name);
      (entry.source === 'bundled' ? bundled : exercise).append(option);
    }
    select.append(bundled, exercise);
  }

  private buildMenus(): void {
    const preset = byId<HTMLSelectElement>('preset-select');
    preset.append(element('option', { value: '' }, '— my settings —'));
    this.scenarioOptions(preset);
    preset.value = '';
    const compare = byId<HTMLSelectElement>('compare-select');
    compare.append(element('option', { value: DEFAULTS_KEY }, 'all defaults'));
    this.scenarioOptions(compare);
    compare.value = this.compareKey;
    const exercises = byId<HTMLSelectElement>('exercise-select');
    exercises.append(element('option', { value: '' }, 'Exercises…'));
    for (const ex of this.exercises) exercises.append(element('option', { value: ex.id }, ex.title));
  }

  private buildInfo(): void {
    const contents = byId('info-contents');
    const sections = byId('info-sections');
    for (const section of INFO_SECTIONS) {
      contents.append(element('a', { href: `#${section.id}`, onclick: (event: Event) => {
        event.preventDefault();
        document.getElementById(section.id)?.scrollIntoView();
      } }, section.title));
      const body = element('section', { id: section.id, class: 'info-section' }, element('h2', {}, section.title));
      body.insertAdjacentHTML('beforeend', renderMarkdown(section.markdown, 2));
      sections.append(body);
    }
  }

  private buildExercises(): void {
    const list = byId('exercise-list');
    for (const ex of this.exercises) {
      const compare = ex.compare ? this.catalogue.get(ex.compare)?.scenario.name ?? ex.compare : null;
      const policy = this.catalogue.get(ex.preset)?.scenario.name ?? ex.preset;
      list.append(
        element(
          'div',
          { class: 'exercise-card', 'data-exercise': ex.id },
          element('h3', {}, ex.title),
          element('p', {}, ex.claim),
          element('p', { class: 'muted' }, `${ex.rules.join(' ')} · ${policy}${compare ? ` vs ${compare}` : ''}`),
          element('button', { type: 'button', class: 'primary', 'data-load-exercise': ex.id, onclick: () => this.loadExercise(ex, false) }, 'Load this exercise'),
        ),
      );
    }
    byId('exercise-text').innerHTML = '<p>Choose an exercise: its scenarios load in one click, and its questions appear here.</p>';
  }

  // ---------------------------------------------------------------- events

  private wire(): void {
    byId('play-button').addEventListener('click', () => this.togglePlay());
    byId('step-button').addEventListener('click', () => this.step());
    byId('reset-button').addEventListener('click', () => this.reset());
    byId('end-button').addEventListener('click', () => this.jumpToEnd());
    const speed = byId<HTMLInputElement>('speed');
    speed.addEventListener('input', () => {
      this.speed = Number(speed.value);
      byId('speed-value').textContent = `${this.speed} years/s`;
    });
    const seed = byId<HTMLInputElement>('seed-input');
    seed.addEventListener('change', () => this.setSeed(seed.value, byId<HTMLInputElement>('rep-input').value));
    const rep = byId<HTMLInputElement>('rep-input');
    rep.addEventListener('change', () => this.setSeed(seed.value, rep.value));
    const toggle = byId<HTMLInputElement>('compare-toggle');
    toggle.addEventListener('change', () => this.setCompare(toggle.checked, this.compareKey));
    const compare = byId<HTMLSelectElement>('compare-select');
    compare.addEventListener('change', () => this.setCompare(true, compare.value));
    byId('batch-button').addEventListener('click', () => {
      this.selectTab('batch');
      void this.runBatch();
    });
    byId('batch-run').addEventListener('click', () => void this.runBatch());
    const preset = byId<HTMLSelectElement>('preset-select');
    preset.addEventListener('change', () => {
      const entry = this.catalogue.get(preset.value);
      if (!entry) return;
      this.leaveExercise();
      this.applyScenario(entry.scenario, entry.key);
    });
    const exerciseSelect = byId<HTMLSelectElement>('exercise-select');
    exerciseSelect.addEventListener('change', () => {
      const ex = this.exercises.find((e) => e.id === exerciseSelect.value);
      if (ex) this.loadExercise(ex, true);
    });
    byId('import-button').addEventListener('click', () => byId<HTMLInputElement>('import-file').click());
    byId<HTMLInputElement>('import-file').addEventListener('change', (event) => void this.importFile(event.target as HTMLInputElement));
    byId('export-button').addEventListener('click', () => this.openExport());
    byId('share-button').addEventListener('click', () => void this.share());
    byId('error-dismiss').addEventListener('click', () => this.showError(null));
    byId('download-csv').addEventListener('click', () => this.downloadCsv());
    const search = byId<HTMLInputElement>('lever-search');
    search.addEventListener('input', () => this.panel.filter(search.value));
    byId('expand-all').addEventListener('click', () => this.panel.setAllOpen(true));
    byId('collapse-all').addEventListener('click', () => this.panel.setAllOpen(false));
    byId('reset-all').addEventListener('click', () => {
      this.leaveExercise();
      this.applyScenario({ name: 'my-policy', description: 'Every lever at its default.', parameters: defaultParameters() }, null);
    });
    this.wireTabs();
    this.wireExport();
    window.addEventListener('hashchange', () => {
      if (location.hash.slice(1) !== this.lastHash) this.applyHash(location.hash);
    });
    document.addEventListener('keydown', (event) => this.onKey(event));
    window.addEventListener('resize', () => {
      this.chartKey = '';
      this.render();
    });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (isEditable(event.target) || byId<HTMLDialogElement>('export-dialog').open) return;
    const target = event.target as HTMLElement | null;
    const onControl = target !== null && ['BUTTON', 'SUMMARY', 'A'].includes(target.tagName);
    if (event.key === ' ' && !onControl) {
      event.preventDefault();
      this.togglePlay();
    } else if (event.key === 'ArrowRight' && target?.getAttribute('role') !== 'tab') {
      event.preventDefault();
      this.step();
    } else if (event.key === 'Home' && target?.getAttribute('role') !== 'tab') {
      event.preventDefault();
      this.reset();
    } else if (event.key === 'End' && target?.getAttribute('role') !== 'tab') {
      event.preventDefault();
      this.jumpToEnd();
    }
  }

  private wireTabs(): void {
    const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    tabs.forEach((tab, index) => {
      tab.addEventListener('click', () => this.selectTab(tab.id.replace(/^tab-/, '')));
      tab.addEventListener('keydown', (event: KeyboardEvent) => {
        let next = -1;
        if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
        else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
        else if (event.key === 'Home') next = 0;
        else if (event.key === 'End') next = tabs.length - 1;
        if (next >= 0) {
          event.preventDefault();
          this.selectTab(tabs[next].id.replace(/^tab-/, ''));
          tabs[next].focus();
        }
      });
    });
  }

  /** Show one tab panel (`model`, `batch`, `exercises`, `info`). */
  selectTab(name: string): void {
    for (const tab of Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'))) {
      const selected = tab.id === `tab-${name}`;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (name === 'model') {
      this.chartKey = '';
      this.render();
    }
    if (name === 'batch') this.renderBatch();
  }

  // ---------------------------------------------------------------- settings

  private showError(message: string | null): void {
    const bar = byId('error-bar');
    bar.hidden = message === null;
    byId('error-text').textContent = message ?? '';
  }

  /** Apply a user edit (raw value) through the scenario validator. */
  private edit(path: string, value: unknown): void {
    this.drafts.set(path, value);
    let validated: ValidatedScenario;
    try {
      validated = validateEdits(this.scenario, this.drafts);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const field = error.fieldPath?.replace(/\[\d+\]$/, '') ?? path;
      this.panel.showError(field, error.message);
      this.showError(error.message);
      return;
    }
    this.drafts.clear();
    const fromPreset = this.presetKey !== null ? this.catalogue.get(this.presetKey)?.scenario.name : null;
    this.scenario = {
      name: fromPreset ? `my-${fromPreset}`.slice(0, 60) : this.scenario.name,
      description: fromPreset ? `Based on ${fromPreset}, changed in the zonesim classroom page.` : this.scenario.description,
      parameters: validated.parameters,
    };
    this.presetKey = null;
    byId<HTMLSelectElement>('preset-select').value = '';
    this.afterSettingsChange();
  }

  private afterSettingsChange(): void {
    this.panel.showError(null, null);
    this.showError(null);
    this.panel.setValues(this.scenario.parameters, this.drafts);
    this.updateScenarioLine();
    if (this.batch) this.batch.stale = true;
    this.scheduleRun(['policy']);
    this.renderBatchStatus();
  }

  /** Leave the current exercise (its charts give way to the main outcomes). */
  private leaveExercise(): void {
    if (this.exercise === null) return;
    this.exercise = null;
    this.setChartMetrics(MAIN_CHART_METRICS);
    byId<HTMLSelectElement>('exercise-select').value = '';
    for (const card of Array.from(document.querySelectorAll<HTMLElement>('.exercise-card'))) card.classList.remove('active');
  }

  private setChartMetrics(first: readonly string[]): void {
    const metrics = [...first.filter((m) => reporterByName(m)), ...MAIN_CHART_METRICS.filter((m) => !first.includes(m))];
    this.liveCharts.forEach((chart, i) => chart.setMetric(metrics[i]));
    this.batchCharts.forEach((chart, i) => chart.setMetric(metrics[i]));
    this.chartKey = '';
    this.renderBatch();
  }

  /** Load a validated scenario as "my policy". */
  private applyScenario(scenario: ValidatedScenario | PageScenario, presetKey: string | null): void {
    this.drafts.clear();
    this.scenario = { name: scenario.name, description: scenario.description, parameters: structuredClone(scenario.parameters) };
    this.presetKey = presetKey;
    byId<HTMLSelectElement>('preset-select').value = presetKey ?? '';
    this.afterSettingsChange();
  }

  private updateScenarioLine(): void {
    const changes = changedParameters(this.scenario.parameters).length;
    byId('policy-name').textContent = this.scenario.name;
    byId('policy-description').textContent = `— ${this.scenario.description}`;
    byId('changed-summary').textContent = changes === 0 ? 'All levers at their defaults' : `${changes} lever${changes === 1 ? '' : 's'} changed`;
    byId('policy-map-title').textContent = `My policy: ${this.scenario.name}`;
  }

  private setSeed(seedText: string, repText: string): void {
    const seed = Number(seedText);
    const rep = Number(repText);
    if (!Number.isSafeInteger(seed) || seed < 0 || seed > 4294967295) {
      this.showError(`seed: expected an integer from 0 to 4294967295, found ${JSON.stringify(seedText)}`);
      return;
    }
    if (!Number.isSafeInteger(rep) || rep < 0 || rep > 100000) {
      this.showError(`run: expected an integer from 0 to 100000, found ${JSON.stringify(repText)}`);
      return;
    }
    this.showError(null);
    this.baseSeed = seed;
    this.replication = rep;
    if (this.batch) this.batch.stale = true;
    this.renderBatchStatus();
    this.scheduleRun(['policy', 'comparison']);
  }

  private setCompare(enabled: boolean, key: string): void {
    this.compareEnabled = enabled;
    this.compareKey = key;
    byId<HTMLInputElement>('compare-toggle').checked = enabled;
    byId<HTMLSelectElement>('compare-select').value = key;
    byId('comparison-map-figure').hidden = !enabled;
    byId('maps').classList.toggle('compare', enabled);
    if (this.batch) this.batch.stale = true;
    this.renderBatchStatus();
    if (enabled) this.scheduleRun(['comparison']);
    else {
      this.client.cancelRun('comparison');
      this.runs.comparison = null;
      this.chartKey = '';
      this.numbersKey = '';
      this.render();
    }
  }

  private comparisonScenario(): { label: string; parameters: PageScenario['parameters'] } {
    const entry = this.catalogue.get(this.compareKey);
    if (entry) return { label: entry.scenario.name, parameters: entry.scenario.parameters };
    return { label: 'defaults', parameters: defaultParameters() };
  }

  private loadExercise(ex: Exercise, showModel: boolean): void {
    const preset = this.catalogue.get(ex.preset);
    if (!preset) {
      this.showError(`${ex.file}: preset: expected a bundled scenario or exercise preset, found ${JSON.stringify(ex.preset)}`);
      return;
    }
    this.applyScenario(preset.scenario, preset.key);
    this.exercise = ex;
    if (ex.compare && this.catalogue.has(ex.compare)) this.setCompare(true, ex.compare);
    else this.setCompare(false, this.compareKey);
    this.setChartMetrics(ex.charts);
    for (const card of Array.from(document.querySelectorAll<HTMLElement>('.exercise-card'))) card.classList.toggle('active', card.dataset.exercise === ex.id);
    byId<HTMLSelectElement>('exercise-select').value = ex.id;
    const text = byId('exercise-text');
    text.innerHTML = `<h2>${escapeHtml(ex.title)}</h2><p><em>${escapeHtml(ex.claim)}</em></p><p><button type="button" class="primary" id="exercise-play">▶ Show the model and play</button></p>${renderMarkdown(ex.body.replace(/^\s*#\s+[^\n]*\n/, ''), 1)}`;
    byId('exercise-play').addEventListener('click', () => {
      this.selectTab('model');
      if (!this.playing) this.togglePlay();
    });
    text.dataset.exercise = ex.id;
    this.setStatus(`Loaded exercise “${ex.title}”.`);
    if (showModel) this.selectTab('model');
  }

  // ---------------------------------------------------------------- files and links

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.showError(`${file.name}: expected an existing readable file, found an unreadable file`);
      return;
    }
    try {
      const scenario = importScenarioText(text, file.name);
      this.leaveExercise();
      this.applyScenario(scenario, null);
      this.setStatus(`Imported ${file.name} (${scenario.name}).`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      this.showError(error.message);
    }
  }

  private exportText(): { text: string; error: string | null; name: string } {
    const name = byId<HTMLInputElement>('export-name').value.trim();
    const description = byId<HTMLInputElement>('export-description').value.trim();
    const seedNote = `Seen in the page with --seed ${this.baseSeed}${this.replication ? ` (replication ${this.replication})` : ''}.`;
    const text = exportScenarioYaml({ name, description, parameters: this.scenario.parameters }, seedNote);
    try {
      importScenarioText(text, `${name || 'scenario'}.yaml`);
      return { text, error: null, name };
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      return { text, error: error.message, name };
    }
  }

  private wireExport(): void {
    const refresh = (): void => {
      const { text, error } = this.exportText();
      byId<HTMLTextAreaElement>('export-preview').value = text;
      const box = byId('export-error');
      box.hidden = error === null;
      box.textContent = error ?? '';
      byId<HTMLButtonElement>('export-download').disabled = error !== null;
    };
    byId('export-name').addEventListener('input', refresh);
    byId('export-description').addEventListener('input', refresh);
    byId('export-download').addEventListener('click', () => {
      const { text, error, name } = this.exportText();
      if (error === null) downloadText(`${name}.yaml`, text, 'application/yaml');
    });
    byId('export-copy').addEventListener('click', () => {
      const { text } = this.exportText();
      void navigator.clipboard?.writeText(text).then(
        () => this.setStatus('Scenario copied to the clipboard.'),
        () => this.setStatus('Copy failed: select the preview and copy it by hand.'),
      );
    });
  }

  private openExport(): void {
    byId<HTMLInputElement>('export-name').value = this.scenario.name;
    byId<HTMLInputElement>('export-description').value = this.scenario.description;
    byId('export-name').dispatchEvent(new Event('input'));
    byId<HTMLDialogElement>('export-dialog').showModal();
  }

  private async share(): Promise<void> {
    const hash = encodeSettingsHash({
      scenario: this.scenario,
      seed: this.baseSeed,
      replication: this.replication,
      compare: this.compareEnabled ? this.compareKey : null,
    });
    this.lastHash = hash;
    history.replaceState(null, '', `#${hash}`);
    try {
      await navigator.clipboard.writeText(location.href);
      this.setStatus('Link copied to the clipboard (it is also in the address bar).');
    } catch {
      this.setStatus('The link is in the address bar: copy it from there.');
    }
  }

  /** Apply settings from a shared link; returns true when it started runs. */
  private applyHash(hash: string): boolean {
    this.lastHash = hash.replace(/^#/, '');
    let decoded;
    try {
      decoded = decodeSettingsHash(hash);
      if (decoded?.compare != null && decoded.compare !== DEFAULTS_KEY && !this.catalogue.has(decoded.compare)) {
        throw new ScenarioError({
          file: URL_FILE_LABEL,
          fieldPath: 'compare',
          expected: 'a bundled scenario or exercise preset (e.g. scenarios/baseline.yaml) or defaults',
          found: JSON.stringify(decoded.compare),
        });
      }
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      this.showError(error.message);
      return false;
    }
    if (decoded === null) return false;
    this.baseSeed = decoded.seed ?? this.baseSeed;
    this.replication = decoded.replication ?? 0;
    byId<HTMLInputElement>('seed-input').value = String(this.baseSeed);
    byId<HTMLInputElement>('rep-input').value = String(this.replication);
    this.leaveExercise();
    this.applyScenario(decoded.scenario, null);
    if (decoded.compare !== null) this.setCompare(true, decoded.compare);
    this.setStatus('Settings loaded from the link.');
    return true;
  }

  private downloadCsv(): void {
    const run = this.runs.policy;
    if (!run || !run.done) return;
    downloadText(`${this.scenario.name}-results.csv`, resultsCsv(this.scenario.name, this.replication, run.seed, run.frames), 'text/csv');
  }

  // ---------------------------------------------------------------- runs and playback

  /** Start (or restart) the runs of the given sides now; a superseded run is stopped. */
  private scheduleRun(sides: RunSide[]): void {
    for (const side of sides) this.startRun(side);
  }

  private startRun(side: RunSide): void {
    if (side === 'comparison' && !this.compareEnabled) return;
    const seed = replicationSeed(this.baseSeed, this.replication);
    const source = side === 'policy' ? { label: this.scenario.name, parameters: this.scenario.parameters } : this.comparisonScenario();
    const input: ModelInput = { parameters: source.parameters, relatedness: null };
    const record: RunRecord = {
      side,
      label: source.label,
      seed,
      signature: `${seed}|${JSON.stringify(source.parameters)}`,
      meta: null,
      frames: [],
      done: false,
      computeMs: null,
      palette: [],
    };
    this.runs[side] = record;
    this.time = 0;
    this.chartKey = '';
    this.numbersKey = '';
    this.maps[side].message('computing…');
    document.body.dataset.running = 'true';
    if (side === 'comparison') byId('comparison-map-title').textContent = `Comparison: ${source.label}`;
    this.client.startRun(side, input, seed, {
      onMeta: (meta) => {
        record.meta = meta;
        record.palette = industryPalette(meta.industryChains);
        if (side === 'policy') this.renderLegend();
      },
      onFrame: (frame) => {
        record.frames.push(frame);
        if (record.frames.length === 1) this.render(true);
      },
      onDone: (done) => {
        record.done = true;
        record.computeMs = done.computeMs;
        this.updateRunStatus();
        this.chartKey = '';
        this.numbersKey = '';
        this.render(true);
      },
      onError: (message) => {
        record.done = true;
        this.showError(`the simulation failed: ${message}`);
        this.updateRunStatus();
      },
    });
    this.updateRunStatus();
  }

  private activeRuns(): RunRecord[] {
    return [this.runs.policy, this.compareEnabled ? this.runs.comparison : null].filter((r): r is RunRecord => r !== null);
  }

  private updateRunStatus(): void {
    const parts: string[] = [];
    const status = byId('status');
    for (const run of this.activeRuns()) {
      const who = run.side === 'policy' ? 'my policy' : run.label;
      if (run.done && run.computeMs !== null) {
        const years = run.frames.length > 0 ? Math.round(run.frames[run.frames.length - 1].year - run.frames[0].year) : 0;
        parts.push(`${who}: ${years} years in ${Math.round(run.computeMs)} ms`);
        status.dataset[run.side === 'policy' ? 'policyMs' : 'comparisonMs'] = String(run.computeMs);
      } else {
        parts.push(`${who}: computing…`);
      }
    }
    const allDone = this.activeRuns().every((r) => r.done);
    document.body.dataset.running = allDone ? 'false' : 'true';
    status.dataset.ready = String(allDone);
    status.textContent = `Computed ${parts.join(' · ')} (seed ${replicationSeed(this.baseSeed, this.replication)})`;
  }

  private setStatus(text: string): void {
    byId('status').textContent = text;
    window.setTimeout(() => this.updateRunStatus(), 4000);
  }

  /** Years from the first to the last frame available (of every shown run). */
  private availableYears(): { available: number; total: number; complete: boolean } {
    const runs = this.activeRuns();
    let available = Infinity;
    let total = 0;
    let complete = runs.length > 0;
    for (const run of runs) {
      const first = run.frames[0];
      const last = run.frames[run.frames.length - 1];
      const span = first && last ? last.year - first.year : 0;
      available = Math.min(available, span);
      const years = run.meta ? run.meta.totalSteps / run.meta.stepsPerYear : span;
      total = Math.max(total, years);
      if (!run.done) complete = false;
    }
    return { available: Number.isFinite(available) ? available : 0, total, complete };
  }

  private togglePlay(): void {
    const { total, complete, available } = this.availableYears();
    if (!this.playing && complete && this.time >= available - 1e-9) this.time = 0;
    this.playing = !this.playing;
    if (total === 0) this.playing = false;
    this.updatePlayButton();
  }

  private updatePlayButton(): void {
    const button = byId('play-button');
    button.textContent = this.playing ? '❚❚ Pause' : '▶ Play';
    button.setAttribute('aria-pressed', String(this.playing));
  }

  private step(): void {
    this.playing = false;
    this.updatePlayButton();
    const run = this.runs.policy;
    if (!run || run.frames.length === 0) return;
    const start = run.frames[0].year;
    const next = run.frames.find((f) => f.year - start > this.time + 1e-9);
    const { available } = this.availableYears();
    if (next) this.time = Math.min(next.year - start, available);
    this.render(true);
  }

  private reset(): void {
    this.playing = false;
    this.updatePlayButton();
    this.time = 0;
    this.render(true);
  }

  private jumpToEnd(): void {
    this.playing = false;
    this.updatePlayButton();
    this.time = this.availableYears().available;
    this.render(true);
  }

  private tick(now: number): void {
    const dt = this.lastTick > 0 ? Math.min(0.25, (now - this.lastTick) / 1000) : 0;
    this.lastTick = now;
    if (this.playing) {
      const { available, complete } = this.availableYears();
      this.time = Math.min(this.time + dt * this.speed, available);
      if (complete && this.time >= available - 1e-9) {
        this.playing = false;
        this.updatePlayButton();
      }
      this.render();
    }
    requestAnimationFrame((t) => this.tick(t));
  }

  /** The two frames around the playback time of a run and the interpolation fraction. */
  private framesAt(run: RunRecord): { a: RunFrame; b: RunFrame; t: number; index: number } | null {
    const frames = run.frames;
    if (frames.length === 0) return null;
    const start = frames[0].year;
    let index = 0;
    while (index + 1 < frames.length && frames[index + 1].year - start <= this.time + 1e-9) index++;
    const a = frames[index];
    const b = frames[Math.min(index + 1, frames.length - 1)];
    const span = b.year - a.year;
    const t = span > 0 ? Math.min(1, Math.max(0, (this.time - (a.year - start)) / span)) : 0;
    return { a, b, t, index };
  }

  private mapScale(): MapScale {
    let zone = 0;
    let outside = 0;
    for (const run of this.activeRuns()) {
      const zoneCount = run.meta?.zoneCount ?? 0;
      for (const frame of run.frames) {
        for (let z = 0; z < zoneCount; z++) zone = Math.max(zone, frame.zones.output[z]);
        outside = Math.max(outside, frame.zones.output[zoneCount]);
      }
    }
    return { zone, outside };
  }

  private render(force = false): void {
    const { total } = this.availableYears();
    const policy = this.runs.policy;
    const startYear = policy?.frames[0]?.year ?? policy?.meta?.startYear ?? 2009;
    const year = startYear + this.time;
    byId('year-value').textContent = monthLabel(startYear, year);
    const progress = byId<HTMLProgressElement>('year-progress');
    progress.value = total > 0 ? this.time / total : 0;
    progress.setAttribute('aria-valuetext', monthLabel(startYear, year));
    if (byId('panel-model').hidden && !force) return;
    const scale = this.mapScale();
    for (const run of this.activeRuns()) {
      const at = this.framesAt(run);
      if (!run.meta || !at) continue;
      const zoneFirms = sumZones(at.a.zones.firms, run.meta.zoneCount) * (1 - at.t) + sumZones(at.b.zones.firms, run.meta.zoneCount) * at.t;
      const caption = `${monthLabel(run.meta.startYear, at.a.year + at.t * (at.b.year - at.a.year))} · ${run.meta.zoneCount} zones · ${Math.round(zoneFirms)} firms in zones`;
      this.maps[run.side].draw(run.meta, at.a.zones, at.b.zones, at.t, scale, run.palette, caption);
    }
    this.renderCharts();
    this.renderNumbers();
  }

  private visibleFrames(run: RunRecord | null): RunFrame[] {
    if (!run) return [];
    const at = this.framesAt(run);
    return at ? run.frames.slice(0, at.index + 1) : [];
  }

  private renderCharts(): void {
    const policyFrames = this.visibleFrames(this.runs.policy);
    const comparisonFrames = this.compareEnabled ? this.visibleFrames(this.runs.comparison) : [];
    const key = `${policyFrames.length}|${comparisonFrames.length}|${this.compareEnabled}|${this.runs.policy?.signature}|${this.runs.comparison?.signature}`;
    if (key === this.chartKey) return;
    this.chartKey = key;
    const seriesOf = (frames: RunFrame[], metric: string): ChartPoint[] =>
      frames.map((frame) => ({ x: frame.year, y: frame.values.find((v) => v.metric === metric && v.zone === null && v.industry === null)?.value ?? null }));
    let first = Infinity;
    let last = -Infinity;
    for (const run of this.activeRuns()) {
      if (!run.meta) continue;
      first = Math.min(first, run.meta.startYear);
      last = Math.max(last, run.meta.startYear + run.meta.totalSteps / run.meta.stepsPerYear);
    }
    const range: [number, number] | null = Number.isFinite(first) && Number.isFinite(last) ? [first, last] : null;
    for (const chart of this.liveCharts) {
      const policy = { label: `My policy: ${this.scenario.name}`, points: seriesOf(policyFrames, chart.metric) };
      const comparison = this.compareEnabled && this.runs.comparison
        ? { label: `Comparison: ${this.runs.comparison.label}`, points: seriesOf(comparisonFrames, chart.metric) }
        : null;
      chart.showRuns(policy, comparison, range);
    }
  }

  private renderNumbers(): void {
    const policyFrames = this.visibleFrames(this.runs.policy);
    const comparisonFrames = this.compareEnabled ? this.visibleFrames(this.runs.comparison) : [];
    const policyFrame = policyFrames.at(-1);
    const comparisonFrame = comparisonFrames.at(-1);
    const key = `${policyFrame?.step}|${comparisonFrame?.step}|${this.runs.policy?.signature}|${this.runs.comparison?.signature}|${this.compareEnabled}`;
    if (key === this.numbersKey) return;
    this.numbersKey = key;
    const valueOf = (frame: RunFrame | undefined, metric: string): number | null =>
      frame?.values.find((v) => v.metric === metric && v.zone === null && v.industry === null)?.value ?? null;
    const rows = PROVINCE_REPORTERS.map((reporter) => {
      const a = valueOf(policyFrame, reporter.name);
      const b = valueOf(comparisonFrame, reporter.name);
      return `<tr data-metric="${reporter.name}"><td title="${escapeHtml(reporter.description)}">${escapeHtml(reporter.label)} <small>(${escapeHtml(reporter.unit)})</small></td><td>${reporter.rules.join(' ')}</td><td><code>${reporter.name}</code></td><td class="num" data-side="policy" data-value="${a ?? ''}">${formatValue(a, reporter.unit)}</td>${this.compareEnabled ? `<td class="num" data-side="comparison" data-value="${b ?? ''}">${formatValue(b, reporter.unit)}</td>` : ''}</tr>`;
    });
    const year = policyFrame ? monthLabel(this.runs.policy?.meta?.startYear ?? 2009, policyFrame.year) : '';
    byId('numbers-table').innerHTML = `<table id="numbers" data-step="${policyFrame?.step ?? ''}" data-final="${policyFrame !== undefined && this.runs.policy?.done === true && policyFrame === this.runs.policy.frames.at(-1)}"><caption class="visually-hidden">Outcomes in ${year}</caption><thead><tr><th>Outcome</th><th>Rules</th><th>Reporter</th><th class="num">My policy</th>${this.compareEnabled ? '<th class="num">Comparison</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    this.renderZoneTable(policyFrame);
  }

  private renderZoneTable(frame: RunFrame | undefined): void {
    const run = this.runs.policy;
    const meta = run?.meta;
    if (!meta || !frame) {
      byId('zone-table').innerHTML = '';
      return;
    }
    const names = meta.industryNames;
    const snapshot: ZoneSnapshot = frame.zones;
    const rows: string[] = [];
    for (let z = 0; z < meta.zoneCount; z++) {
      const top = snapshot.topIndustry[z];
      rows.push(
        `<tr><td>${z + 1}</td><td class="num">${Math.round(meta.x[z])}, ${Math.round(meta.y[z])}</td><td class="num">${formatValue(snapshot.firms[z])}</td><td class="num">${formatValue(snapshot.output[z])}</td><td>${top >= 0 ? escapeHtml(names[top]) : '–'}</td><td>${snapshot.leading[z].map((j) => escapeHtml(names[j])).join(', ') || '–'}</td><td class="num">${formatValue(snapshot.usedHa[z])} / ${formatValue(snapshot.servicedHa[z])}</td></tr>`,
      );
    }
    const outside = meta.zoneCount;
    rows.push(`<tr><td>outside</td><td></td><td class="num">${formatValue(snapshot.firms[outside])}</td><td class="num">${formatValue(snapshot.output[outside])}</td><td colspan="3"></td></tr>`);
    byId('zone-table').innerHTML = `<table><thead><tr><th>Zone</th><th class="num">x, y (km)</th><th class="num">Firms</th><th class="num">Output (M¥/year)</th><th>Largest industry</th><th>Leading industries 主导产业</th><th class="num">Land used / serviced (ha)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }

  private renderLegend(): void {
    const run = this.runs.policy;
    const legend = byId('map-legend');
    legend.replaceChildren();
    if (!run?.meta) return;
    const meta = run.meta;
    legend.append(element('h3', {}, 'Colour = largest industry'));
    if (meta.industryNames.length > 40) {
      legend.append(element('p', {}, 'Industries of one supply chain share a hue.'));
      return;
    }
    const chains = new Map<number, number[]>();
    meta.industryChains.forEach((chain, j) => chains.set(chain, [...(chains.get(chain) ?? []), j]));
    for (const [chain, members] of chains) {
      const line = element('span', { class: 'chain' }, chain >= 0 ? `Chain ${String.fromCharCode(65 + (chain % 26))}:` : 'Industries:');
      for (const j of members) {
        line.append(element('span', { class: 'chip', style: `background:${run.palette[j]}`, 'aria-hidden': 'true' }), meta.industryNames[j]);
      }
      legend.append(line);
    }
    legend.append(element('p', {}, 'Bubble area ∝ output. Grey: all firms outside the zones. Hover a bubble for details.'));
  }

  private describeBubble(side: RunSide, bubble: Bubble): string {
    const run = this.runs[side];
    const names = run?.meta?.industryNames ?? [];
    const where = bubble.zone >= 0 ? `Zone ${bubble.zone + 1}` : 'Outside the zones';
    const top = bubble.topIndustry >= 0 ? `, largest industry ${names[bubble.topIndustry]}` : '';
    return `${where}: ${Math.round(bubble.firms)} firms, output ${formatValue(bubble.output)} M¥/year${top}`;
  }

  // ---------------------------------------------------------------- batch

  private async runBatch(): Promise<void> {
    if (this.batchRunning) return;
    this.batchRunning = true;
    const button = byId<HTMLButtonElement>('batch-run');
    button.disabled = true;
    byId<HTMLButtonElement>('batch-button').disabled = true;
    const policyInput: ModelInput = { parameters: this.scenario.parameters, relatedness: null };
    const comparison = this.compareEnabled ? this.comparisonScenario() : null;
    type Tag = { side: RunSide; r: number };
    const jobs: Array<{ input: ModelInput; seed: number; tag: Tag }> = [];
    for (let r = 0; r < BATCH_REPLICATIONS; r++) {
      const seed = replicationSeed(this.baseSeed, r);
      jobs.push({ input: policyInput, seed, tag: { side: 'policy', r } });
      if (comparison) jobs.push({ input: { parameters: comparison.parameters, relatedness: null }, seed, tag: { side: 'comparison', r } });
    }
    const policy: ReplicationSeries[] = new Array(BATCH_REPLICATIONS);
    const other: ReplicationSeries[] | null = comparison ? new Array(BATCH_REPLICATIONS) : null;
    const status = byId('batch-status');
    let finished = 0;
    let computeMs = 0;
    status.textContent = `Running 0 / ${jobs.length} replications…`;
    const started = performance.now();
    const complete = await this.client.runBatch(jobs, (job, result) => {
      const series: ReplicationSeries = { seed: result.seed, years: result.years, series: result.series };
      if (job.tag.side === 'policy') policy[job.tag.r] = series;
      else if (other) other[job.tag.r] = series;
      finished++;
      computeMs += result.computeMs;
      status.textContent = `Running ${finished} / ${jobs.length} replications…`;
    });
    const wallMs = performance.now() - started;
    this.batchRunning = false;
    button.disabled = false;
    byId<HTMLButtonElement>('batch-button').disabled = false;
    if (!complete) {
      status.textContent = 'The batch was stopped.';
      return;
    }
    this.batch = {
      policyLabel: this.scenario.name,
      comparisonLabel: comparison?.label ?? null,
      policy,
      comparison: other,
      wallMs,
      computeMs,
      stale: false,
    };
    status.dataset.wallMs = String(wallMs);
    status.dataset.computeMs = String(computeMs);
    status.dataset.replications = String(jobs.length);
    this.renderBatchStatus();
    this.renderBatch();
  }

  private renderBatchStatus(): void {
    const batch = this.batch;
    const status = byId('batch-status');
    if (!batch || this.batchRunning) return;
    const runs = batch.policy.length + (batch.comparison?.length ?? 0);
    status.textContent = `${runs} replications in ${(batch.wallMs / 1000).toFixed(1)} s (${(batch.computeMs / 1000).toFixed(1)} s of model time on ${navigator.hardwareConcurrency || 1} cores)${batch.stale ? ' — settings changed since: run the batch again' : ''}.`;
    status.dataset.done = 'true';
  }

  private renderBatch(): void {
    const batch = this.batch;
    if (!batch) return;
    for (const chart of this.batchCharts) {
      const band = confidenceBand(batch.policy, chart.metric);
      const policy = { label: batch.policyLabel, ...band };
      const comparison = batch.comparison && batch.comparisonLabel !== null ? { label: batch.comparisonLabel, ...confidenceBand(batch.comparison, chart.metric) } : null;
      chart.showBands(policy, comparison);
    }
    // One sign convention everywhere: my policy − comparison, named on the header and on every cell.
    const differenceName = batch.comparison ? `${batch.policyLabel} − ${batch.comparisonLabel ?? 'comparison'}` : '';
    const policyYears = batch.policy[0]?.years ?? [];
    const comparisonYears = batch.comparison?.[0]?.years ?? policyYears;
    const endLabel = (years: readonly number[]): string => (years.length > 0 ? monthLabel(years[0], years[years.length - 1]) : '');
    const sameEnd = policyYears.at(-1) === comparisonYears.at(-1);
    const rows = PROVINCE_REPORTERS.map((reporter) => {
      const a = confidenceBand(batch.policy, reporter.name);
      const last = a.years.length - 1;
      const cell = (mean: number | null | undefined, lower: number | null | undefined, upper: number | null | undefined): string =>
        mean === null || mean === undefined ? '–' : `${formatValue(mean, reporter.unit)} <small>[${formatValue(lower, reporter.unit)}, ${formatValue(upper, reporter.unit)}]</small>`;
      let comparisonCells = '';
      if (batch.comparison) {
        const b = confidenceBand(batch.comparison, reporter.name);
        const lastB = b.years.length - 1;
        const result = finalDifferenceVerdict(batch.policy, batch.comparison, reporter.name);
        const verdict = result?.verdict ?? '';
        const difference = result?.difference;
        const relative = result?.relativeDifference;
        const differenceText = difference
          ? `${signedValue(difference.meanDifference, reporter.unit)} <small>[${signedValue(difference.lower, reporter.unit)}, ${signedValue(difference.upper, reporter.unit)}]</small>`
          : '–';
        const relativeText = relative === null || relative === undefined ? '–' : `${relative > 0 ? '+' : relative < 0 ? '−' : ''}${Math.abs(relative * 100).toFixed(1)}%`;
        const verdictTitle = result ? `${verdict} (smallest effect that matters: ±${formatValue(result.smallestEffect, reporter.unit)}, 5% of the comparison's mean)` : '';
        comparisonCells =
          `<td class="num">${cell(b.mean[lastB], b.lower[lastB], b.upper[lastB])}</td>` +
          `<td class="num" data-difference="${difference?.meanDifference ?? ''}" title="${escapeHtml(differenceName)}">${differenceText}</td>` +
          `<td class="num" data-relative="${relative ?? ''}" title="${escapeHtml(`(${differenceName}) / ${batch.comparisonLabel ?? 'comparison'}`)}">${relativeText}</td>` +
          (result
            ? `<td class="verdict verdict-${verdict.replace(/ /g, '-')}" data-verdict="${verdict}" title="${escapeHtml(verdictTitle)}">${VERDICT_MARKS[verdict] ?? ''}${verdict}</td>`
            : '<td>–</td>');
      }
      return `<tr data-metric="${reporter.name}"><td title="${escapeHtml(reporter.description)}">${escapeHtml(chartTitle(reporter.name))}</td><td class="num">${cell(a.mean[last], a.lower[last], a.upper[last])}</td>${comparisonCells}</tr>`;
    });
    const head = batch.comparison
      ? `<th class="num">${escapeHtml(batch.policyLabel)}: mean [95% CI]</th><th class="num">${escapeHtml(batch.comparisonLabel ?? '')}: mean [95% CI]</th>` +
        `<th class="num">Difference ${escapeHtml(differenceName)} [95% CI]</th><th class="num">% of ${escapeHtml(batch.comparisonLabel ?? 'comparison')}</th><th>Verdict</th>`
      : `<th class="num">${escapeHtml(batch.policyLabel)}: mean [95% CI]</th>`;
    const endNote = sameEnd ? '' : ` My policy ends in ${endLabel(policyYears)}, the comparison in ${endLabel(comparisonYears)}: their final states are not compared.`;
    const legend = batch.comparison
      ? `<p class="batch-legend" id="batch-legend">Differences are <strong>${escapeHtml(differenceName)}</strong> (my policy minus the comparison, replication by replication on the same seeds). ` +
        'Verdicts: <em>higher</em> / <em>lower</em> — the 95% interval excludes 0; <em>no effect that matters</em> — the interval lies within ± 5% of the comparison’s mean; ' +
        '<em>unsettled</em> — the replications do not settle it; <em>no difference</em> — equal up to floating-point rounding in every replication. ' +
        `Higher is not better and lower is not worse: the colours only mark the direction.${escapeHtml(endNote)}</p>`
      : '';
    const heading = sameEnd ? `At the end: ${endLabel(policyYears)}` : `At the end: ${endLabel(policyYears)} (my policy), ${endLabel(comparisonYears)} (comparison)`;
    byId('batch-table').innerHTML = `<h3>${escapeHtml(heading)}</h3>${legend}<table id="batch-results"><thead><tr><th>Outcome</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
}

/** Arrows shown before the verdict words (direction only: no colour of good or bad). */
const VERDICT_MARKS: Readonly<Record<string, string>> = { higher: '▲ ', lower: '▼ ' };

/** A difference with its sign always written (+ or −), in the outcome's unit (shares in percentage points). */
function signedValue(value: number, unit: string): string {
  const text = unit === 'share' ? `${(Math.abs(value) * 100).toFixed(1)} pp` : formatValue(Math.abs(value), unit);
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

function sumZones(values: Float64Array, count: number): number {
  let sum = 0;
  for (let z = 0; z < count; z++) sum += values[z];
  return sum;
}
