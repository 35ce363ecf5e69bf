/**
 * `npm run bench`: index build time, index memory and per-query latency of our engine next to MiniSearch
 * and plain Fuse.js, on the shipped article and on a generated 10,000-paragraph knowledge base, then the
 * performance targets with PASS/FAIL. A report: it exits 0 even when a target fails.
 *
 * The bench is a list of sections run in order (`benchSections`); each prints its own tables and returns
 * the targets it checked. A new measurement (e.g. a Discord burst) is one more `BenchSection`.
 * `npx tsx scripts/bench.ts --only article,synthetic` runs the sections whose names start with these words.
 */
import { openSync, readFileSync, readSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateKnowledge, mulberry32 } from './eval/generate-knowledge.js';
import { allParagraphs, miniSearch, ourEngine, plainFuse, type Retriever } from './eval/retrievers.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { discordBurstSection } from './bench-discord.js';
import { floodSection } from './bench-flood.js';
import { moderationSection } from './bench-moderation.js';
import { median, stats } from './bench-stats.js';

// ---------------------------------------------------------------------------------------------------------
// Extension point

export interface TargetResult {
  readonly name: string;
  readonly pass: boolean;
  /** The measured value next to the target, e.g. "0.42 ms ≤ 1 ms". */
  readonly detail: string;
}

export interface BenchContext {
  readonly root: string;
  /** Forces a full collection; undefined when the runtime does not allow it (memory is then approximate). */
  readonly gc: (() => void) | undefined;
  /** Dev-set questions, answerable then off-topic. */
  readonly devQuestions: readonly string[];
}

export interface BenchSection {
  readonly name: string;
  run(context: BenchContext): Promise<readonly TargetResult[]>;
}

// ---------------------------------------------------------------------------------------------------------
// Measurement helpers

type Factory = (knowledge: KnowledgeBase) => Retriever;

interface EngineSpec {
  readonly label: string;
  readonly factory: Factory;
  /** At most this many measured queries per workload (evenly spaced); baselines are slow on big corpora. */
  readonly queryCap?: number;
}

interface Workload {
  readonly name: string;
  readonly queries: readonly string[];
}

interface EngineReport {
  readonly label: string;
  readonly retrieverName: string;
  readonly buildMs: number;
  readonly indexBytes: number;
  readonly afterQueriesBytes: number;
  /** Per workload, one latency per query in workload order; NaN where a capped engine skipped it. */
  readonly samples: ReadonlyMap<string, Float64Array>;
  /**
   * The same queries' wall time less the time the thread waited for a core (Linux only; absent
   * elsewhere): on a machine shared with other jobs, what the query itself cost, garbage collection
   * included.
   */
  readonly onCoreSamples: ReadonlyMap<string, Float64Array> | undefined;
  /** Garbage collections during the measured queries: how many, and their total pause. */
  readonly gcCount: number;
  readonly gcMs: number;
}

function acquireGc(): (() => void) | undefined {
  if (typeof globalThis.gc === 'function') {
    const gc = globalThis.gc;
    return () => void gc();
  }
  try {
    // Same as starting node with --expose-gc: the flag applies to contexts created after it is set.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return () => void (gc as () => unknown)();
  } catch {
    // Fall through: memory figures become approximate.
  }
  return undefined;
}

function settle(gc: (() => void) | undefined): number {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

function allSamples(report: EngineReport, onCore = false): number[] {
  const samples = onCore ? report.onCoreSamples : report.samples;
  return [...(samples?.values() ?? [])].flatMap((values) => [...values]);
}

/**
 * Nanoseconds this thread has waited for a core so far (the kernel's run delay, updated each time the
 * thread gets a core back), or undefined where /proc does not tell.
 */
function coreWaitReader(): (() => number) | undefined {
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    const buffer = Buffer.alloc(128);
    const read = (): number => {
      const length = readSync(fd, buffer, 0, buffer.length, 0);
      return Number(buffer.toString('latin1', 0, length).split(' ')[1]);
    };
    return Number.isFinite(read()) ? read : undefined;
  } catch {
    return undefined;
  }
}

/** Opened once for the whole bench (the main thread's own file). */
const CORE_WAIT = coreWaitReader();

function formatLoad(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/** Collects the pauses of garbage collections from now until `stop()`. */
function watchGc(): { stop: () => Promise<{ count: number; ms: number }> } {
  let count = 0;
  let ms = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      count += 1;
      ms += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      // Entries are delivered on the event loop: let the last ones arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const entry of observer.takeRecords()) {
        count += 1;
        ms += entry.duration;
      }
      observer.disconnect();
      return { count, ms };
    },
  };
}

/** Our latencies restricted to the queries the other engine also ran, so a comparison is like for like. */
function onSameQueries(ours: EngineReport, other: EngineReport): number[] {
  const result: number[] = [];
  for (const [name, theirs] of other.samples) {
    const mine = ours.samples.get(name);
    theirs.forEach((value, index) =>
      result.push(Number.isNaN(value) ? Number.NaN : (mine?.[index] ?? Number.NaN)),
    );
  }
  return result;
}

function timeMs(action: () => unknown): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Indexes of `cap` evenly spaced items, so a capped run still covers the whole workload. */
function sampledIndexes(length: number, cap: number | undefined): number[] {
  if (cap === undefined || length <= cap) return Array.from({ length }, (_, index) => index);
  const step = length / cap;
  return Array.from({ length: cap }, (_, n) => Math.floor(n * step));
}

async function measureEngine(
  spec: EngineSpec,
  knowledge: KnowledgeBase,
  buildRuns: number,
  warmup: readonly string[],
  workloads: readonly Workload[],
  gc: (() => void) | undefined,
): Promise<EngineReport> {
  const builds: number[] = [];
  for (let run = 0; run < buildRuns; run++) {
    settle(gc);
    builds.push(timeMs(() => spec.factory(knowledge)));
  }

  const before = settle(gc);
  const retriever = spec.factory(knowledge);
  const indexBytes = settle(gc) - before;

  const warmupCap = spec.queryCap === undefined ? undefined : Math.max(2, Math.floor(spec.queryCap / 5));
  for (const index of sampledIndexes(warmup.length, warmupCap)) retriever.rank(warmup[index] as string);

  const samples = new Map<string, Float64Array>();
  const coreWait = CORE_WAIT;
  const onCoreSamples = coreWait ? new Map<string, Float64Array>() : undefined;
  const gcWatch = watchGc();
  for (const workload of workloads) {
    const latencies = new Float64Array(workload.queries.length).fill(Number.NaN);
    const onCore = new Float64Array(workload.queries.length).fill(Number.NaN);
    for (const index of sampledIndexes(workload.queries.length, spec.queryCap)) {
      const question = workload.queries[index] as string;
      const waitedBefore = coreWait?.() ?? 0;
      const start = process.hrtime.bigint();
      retriever.rank(question);
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      latencies[index] = wall;
      if (coreWait) onCore[index] = Math.max(0, wall - (coreWait() - waitedBefore) / 1e6);
    }
    samples.set(workload.name, latencies);
    onCoreSamples?.set(workload.name, onCore);
  }
  const gcSeen = await gcWatch.stop();
  const afterQueriesBytes = settle(gc) - before;

  return {
    label: spec.label,
    // Read after the last heap reading, so the retriever stays reachable until then.
    retrieverName: retriever.name,
    buildMs: median(builds),
    indexBytes,
    afterQueriesBytes,
    samples,
    onCoreSamples,
    gcCount: gcSeen.count,
    gcMs: gcSeen.ms,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Workloads

const TYPO_ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** One random edit (swap, drop, replace or insert a letter), as people make when typing fast. */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = TYPO_ALPHABET[Math.floor(random() * TYPO_ALPHABET.length)] as string;
  const kind = Math.floor(random() * 4);
  if (kind === 0) return `${word.slice(0, at)}${word[at + 1] ?? ''}${word[at] ?? ''}${word.slice(at + 2)}`;
  if (kind === 1) return `${word.slice(0, at)}${word.slice(at + 1)}`;
  if (kind === 2) return `${word.slice(0, at)}${letter}${word.slice(at + 1)}`;
  return `${word.slice(0, at)}${letter}${word.slice(at)}`;
}

/** Words of five letters or more get a typo with the given probability; the rest stays verbatim. */
function withTypos(question: string, probability: number, random: () => number): string {
  return question.replace(/\p{L}{5,}/gu, (word) => (random() < probability ? typo(word, random) : word));
}

function repeatTo<T>(items: readonly T[], minimum: number): T[] {
  const times = Math.max(1, Math.ceil(minimum / Math.max(1, items.length)));
  return Array.from({ length: times }, () => items).flat();
}

/** Each repetition gets fresh typos, so the queries are (nearly) all distinct and miss any cache. */
function devSetWithTypos(questions: readonly string[], minimum: number, seed: number): string[] {
  const random = mulberry32(seed);
  return repeatTo(questions, minimum).map((question) => withTypos(question, 0.35, random));
}

const QUERY_SHAPES: readonly ((words: string) => string)[] = [
  (words) => `how do I ${words}?`,
  (words) => `what about ${words}`,
  (words) => `${words}?`,
  (words) => `can you explain ${words} to me`,
  (words) => words,
];

/** Questions built from words of random paragraphs of the corpus, with typos in about a third of them. */
function vocabularyQueries(knowledge: KnowledgeBase, count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const paragraphs = allParagraphs(knowledge);
  return Array.from({ length: count }, () => {
    const paragraph = paragraphs[Math.floor(random() * paragraphs.length)];
    const candidates = (paragraph?.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter(Boolean);
    const size = 2 + Math.floor(random() * 4);
    const words = Array.from(
      { length: size },
      () => candidates[Math.floor(random() * candidates.length)] ?? '',
    );
    const shape = QUERY_SHAPES[Math.floor(random() * QUERY_SHAPES.length)] as (words: string) => string;
    return withTypos(shape(words.join(' ')), 0.35, random);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reporting

function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(0)} ms`;
}

function formatBytes(bytes: number, gcAvailable: boolean): string {
  const text = `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return gcAvailable ? text : `~${text}`;
}

const count = (value: number): string => value.toLocaleString('en-US');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function ratio(theirs: number, ours: number): string {
  if (!(ours > 0) || !Number.isFinite(theirs)) return 'n/a';
  const factor = theirs / ours;
  return factor >= 1 ? `ours is ${factor.toFixed(1)}× faster` : `ours is ${(1 / factor).toFixed(1)}× slower`;
}

// ---------------------------------------------------------------------------------------------------------
// Corpus sections

interface CorpusPlan {
  readonly name: string;
  readonly load: () => KnowledgeBase;
  readonly buildRuns: number;
  readonly workloads: (knowledge: KnowledgeBase, context: BenchContext) => readonly Workload[];
  readonly warmup: (knowledge: KnowledgeBase, context: BenchContext) => readonly string[];
  /** Measured queries per workload for the baselines on this corpus (they are slow on big corpora). */
  readonly miniSearchCap?: number;
  readonly fuseCap?: number;
  readonly p99TargetMs: number;
  /** Our median per query at most this fraction of MiniSearch's (issue 9). */
  readonly medianRatioTarget: number;
  readonly buildTargetMs?: number;
  /** Loading the knowledge folder from disk and indexing it, at most this long (median). */
  readonly loadAndIndex?: { readonly run: () => unknown; readonly targetMs: number };
}

function corpusSection(plan: CorpusPlan): BenchSection {
  return {
    name: plan.name,
    async run(context) {
      const knowledge = plan.load();
      const sectionCount = knowledge.articles.reduce((sum, article) => sum + article.sections.length, 0);
      const paragraphCount = allParagraphs(knowledge).length;
      const workloads = plan.workloads(knowledge, context);
      const warmup = plan.warmup(knowledge, context);
      console.log(
        `\n== ${plan.name}: ${count(knowledge.articles.length)} article(s), ${count(sectionCount)} sections, ${count(paragraphCount)} paragraphs ==`,
      );
      console.log(`   load average at start: ${formatLoad()} (${cpus().length} cores)`);
      const specs: EngineSpec[] = [
        { label: 'ours', factory: (kb) => ourEngine(kb) },
        {
          label: 'MiniSearch',
          factory: miniSearch,
          ...(plan.miniSearchCap === undefined ? {} : { queryCap: plan.miniSearchCap }),
        },
        {
          label: 'plain Fuse',
          factory: plainFuse,
          ...(plan.fuseCap === undefined ? {} : { queryCap: plan.fuseCap }),
        },
      ];
      const reports: EngineReport[] = [];
      for (const spec of specs) {
        const started = performance.now();
        reports.push(await measureEngine(spec, knowledge, plan.buildRuns, warmup, workloads, context.gc));
        console.log(`   measured ${spec.label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }

      const gcAvailable = context.gc !== undefined;
      console.log(
        `\n${table(
          ['engine', `build (median of ${plan.buildRuns})`, 'index heap', 'heap after queries'],
          reports.map((report) => [
            report.label,
            formatMs(report.buildMs),
            formatBytes(report.indexBytes, gcAvailable),
            formatBytes(report.afterQueriesBytes, gcAvailable),
          ]),
        )}`,
      );
      const latencyRows = [...workloads.map((workload) => workload.name), 'all'].map((name) => [
        name,
        ...reports.flatMap((report) => {
          const entry = stats(name === 'all' ? allSamples(report) : (report.samples.get(name) ?? []));
          return [count(entry.count), formatMs(entry.medianMs), formatMs(entry.p99Ms)];
        }),
      ]);
      console.log(
        `\n${table(
          ['per-query latency', ...reports.flatMap((report) => [`${report.label} n`, 'median', 'p99'])],
          latencyRows,
        )}`,
      );
      const ours = reports[0] as EngineReport;
      const mini = reports[1] as EngineReport;
      if (ours.onCoreSamples !== undefined) {
        const onCoreRows = [...workloads.map((workload) => workload.name), 'all'].map((name) => {
          const wall = stats(name === 'all' ? allSamples(ours) : (ours.samples.get(name) ?? []));
          const onCore = stats(
            name === 'all' ? allSamples(ours, true) : (ours.onCoreSamples?.get(name) ?? []),
          );
          return [
            name,
            formatMs(wall.medianMs),
            formatMs(wall.p99Ms),
            formatMs(onCore.medianMs),
            formatMs(onCore.p99Ms),
          ];
        });
        console.log(
          `\n${table(['ours: wall time, then less its waits for a core', 'wall median', 'wall p99', 'on-core median', 'on-core p99'], onCoreRows)}`,
        );
      }
      console.log(
        `during our queries: ${count(ours.gcCount)} garbage collections (${formatMs(ours.gcMs)} in all); load average now ${formatLoad()}`,
      );
      const oursAll = stats(allSamples(ours));
      const oursOnCore = stats(allSamples(ours, true));
      const oursLikeMini = stats(onSameQueries(ours, mini));
      const miniAll = stats(allSamples(mini));
      console.log(
        `\nours vs MiniSearch on the same ${count(miniAll.count)} queries: ${ratio(miniAll.medianMs, oursLikeMini.medianMs)} per query (median), ${ratio(miniAll.p99Ms, oursLikeMini.p99Ms)} at p99; index build: ${ratio(mini.buildMs, ours.buildMs)}`,
      );
      if (!gcAvailable) console.log('memory is approximate: gc could not be forced');

      const targets: TargetResult[] = [
        {
          name: `${plan.name}: our median per query ≤ ${plan.medianRatioTarget}× MiniSearch's`,
          pass: oursLikeMini.medianMs <= plan.medianRatioTarget * miniAll.medianMs,
          detail: `${formatMs(oursLikeMini.medianMs)} vs ${formatMs(miniAll.medianMs)} (${(oursLikeMini.medianMs / miniAll.medianMs).toFixed(3)}×)`,
        },
        {
          name: `${plan.name}: our p99 ≤ ${plan.p99TargetMs} ms`,
          pass: oursAll.p99Ms <= plan.p99TargetMs,
          detail: `${formatMs(oursAll.p99Ms)} over ${count(oursAll.count)} queries (${ours.onCoreSamples ? `on-core p99 ${formatMs(oursOnCore.p99Ms)}; ` : ''}load average ${formatLoad()})`,
        },
      ];
      if (plan.loadAndIndex !== undefined) {
        const { run, targetMs } = plan.loadAndIndex;
        const runs = Array.from({ length: 11 }, () => timeMs(run));
        const loadMs = median(runs);
        console.log(`load + index the knowledge folder: ${formatMs(loadMs)} (median of ${runs.length})`);
        targets.push({
          name: `${plan.name}: loading and indexing the knowledge ≤ ${targetMs} ms`,
          pass: loadMs <= targetMs,
          detail: formatMs(loadMs),
        });
      }
      if (plan.buildTargetMs !== undefined) {
        targets.push({
          name: `${plan.name}: our index builds in ≤ ${plan.buildTargetMs} ms`,
          pass: ours.buildMs <= plan.buildTargetMs,
          detail: formatMs(ours.buildMs),
        });
      }
      return targets;
    },
  };
}

const MIN_QUERIES = 2000;
const SYNTHETIC_PARAGRAPHS = 10_000;

export const articleSection = (root: string): BenchSection =>
  corpusSection({
    name: 'article',
    load: () => {
      const loaded = loadKnowledge(join(root, 'knowledge'));
      if (!loaded.ok) throw new Error(loaded.message);
      return loaded.knowledge;
    },
    buildRuns: 21,
    warmup: (_, context) => devSetWithTypos(context.devQuestions, 300, 101),
    workloads: (_, context) => [
      {
        name: `dev set ×${Math.ceil(MIN_QUERIES / context.devQuestions.length)} verbatim`,
        queries: repeatTo(context.devQuestions, MIN_QUERIES),
      },
      { name: 'dev set with typos', queries: devSetWithTypos(context.devQuestions, MIN_QUERIES, 202) },
    ],
    p99TargetMs: 1,
    medianRatioTarget: 0.5,
    loadAndIndex: {
      run: () => {
        const loaded = loadKnowledge(join(root, 'knowledge'));
        if (!loaded.ok) throw new Error(loaded.message);
        return ourEngine(loaded.knowledge);
      },
      targetMs: 150,
    },
  });

export const syntheticSection = (root: string): BenchSection =>
  corpusSection({
    name: `synthetic ${count(SYNTHETIC_PARAGRAPHS)}`,
    // The shipped vocabulary too, so group phrases and out-of-scope topics cost what they cost.
    load: () => {
      const shipped = loadKnowledge(join(root, 'knowledge'));
      const generated = generateKnowledge({ paragraphs: SYNTHETIC_PARAGRAPHS, seed: 1 });
      return shipped.ok && shipped.knowledge.vocabulary
        ? { ...generated, vocabulary: shipped.knowledge.vocabulary }
        : generated;
    },
    buildRuns: 3,
    warmup: (knowledge, context) => [
      ...devSetWithTypos(context.devQuestions, 100, 303),
      ...vocabularyQueries(knowledge, 200, 404),
    ],
    workloads: (knowledge, context) => [
      {
        name: `dev set ×${Math.ceil(MIN_QUERIES / context.devQuestions.length)} verbatim`,
        queries: repeatTo(context.devQuestions, MIN_QUERIES),
      },
      { name: 'dev set with typos', queries: devSetWithTypos(context.devQuestions, 1000, 505) },
      { name: 'corpus words with typos', queries: vocabularyQueries(knowledge, MIN_QUERIES, 606) },
    ],
    miniSearchCap: 100,
    fuseCap: 10,
    p99TargetMs: 3,
    medianRatioTarget: 0.05,
    buildTargetMs: 1000,
  });

export function defaultSections(root: string): BenchSection[] {
  return [
    articleSection(root),
    syntheticSection(root),
    discordBurstSection(),
    floodSection(),
    moderationSection(),
  ];
}

export async function runBench(
  sections: readonly BenchSection[],
  context: BenchContext,
): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  for (const section of sections) results.push(...(await section.run(context)));
  console.log(`\n== targets ==`);
  for (const target of results) {
    console.log(`${target.pass ? 'PASS' : 'FAIL'}  ${target.name}: ${target.detail}`);
  }
  const failed = results.filter((target) => !target.pass).length;
  console.log(failed === 0 ? '\nall targets met' : `\n${failed} of ${results.length} targets FAILED`);
  return results;
}

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const set = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'dev-set.json'), 'utf8')) as {
    answerable: { question: string }[];
    offTopic: { question: string }[];
  };
  const context: BenchContext = {
    root,
    gc: acquireGc(),
    devQuestions: [...set.answerable, ...set.offTopic].map((item) => item.question),
  };
  const cpu = cpus();
  console.log(
    `node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; gc ${context.gc ? 'forced between readings' : 'unavailable (memory approximate)'}`,
  );
  console.log(`dev set: ${context.devQuestions.length} questions (answerable + off-topic)`);
  // `npx tsx scripts/bench.ts --only article,synthetic`: the sections whose names start with these words.
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt === -1 ? undefined : (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean);
  const sections = defaultSections(root).filter(
    (section) => only === undefined || only.some((prefix) => section.name.toLowerCase().startsWith(prefix)),
  );
  const started = performance.now();
  await runBench(sections, context);
  console.log(`bench took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
