/**
 * `npm run eval`: answer quality of our engine next to plain BM25 (the reference), MiniSearch and plain
 * Fuse.js, on every question set, the generated typo set and several articles in one knowledge folder.
 *
 *   npm run eval                         every table (the README's figures)
 *   npm run eval -- --set dev            one set, with our misses
 *   npm run eval -- --set typos          the generated typo set (from the dev set), by kind of typo
 *   npm run eval -- --set multi          the shipped article and test/fixtures/articles/*.md in one folder
 *   npm run eval -- --no-hints           our engine with every section's hints removed
 *   npm run eval -- --threshold 0.5      another confidence threshold
 *   npm run eval -- --show-misses        also list misses of the frozen held-out sets (never tune on them)
 *   npm run eval -- --tuning             only the sets one may tune on (no frozen set is run at all)
 *   npm run eval -- --scope-model        the fitted scope model decides instead of the threshold (measured, not adopted)
 */
import { evaluate, type EvalReport, type QuestionSet } from './eval/evaluate.js';
import { plainBm25 } from './eval/bm25.js';
import { miniSearch, ourEngine, plainFuse, withoutHints, type Retriever } from './eval/retrievers.js';
import {
  SHIPPED_ARTICLE,
  SHIPPED_SETS,
  TUNING_SETS,
  isFrozen,
  loadFixtureArticles,
  loadSet,
  loadShippedKnowledge,
  multiKnowledge,
  setExists,
  tuningSet,
} from './eval/sets.js';
import { generateTypoSet, knowledgeCompounds, type TypoKind } from './eval/typos.js';
import { FITTED_SCOPE_MODEL, type EngineOptions } from '../src/engine/engine.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const flag = (name: string): boolean => args.includes(`--${name}`);
const setName = option('set');
const noHints = flag('no-hints');
const showMisses = flag('show-misses');
const tuningOnly = flag('tuning');
/** The shipped article's sets this run prints: with --tuning, never a frozen one. */
const shippedSets: readonly string[] = tuningOnly ? TUNING_SETS : SHIPPED_SETS;
const threshold = option('threshold') === undefined ? undefined : Number(option('threshold'));
const engineOptions: EngineOptions = {
  ...(threshold === undefined ? {} : { threshold }),
  ...(flag('scope-model') ? { scopeModel: FITTED_SCOPE_MODEL } : {}),
};

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const shipped = loadShippedKnowledge();

const oursNoHints = (knowledge: KnowledgeBase): Retriever =>
  ourEngine(withoutHints(knowledge), engineOptions, 'ours (no hints)');
/** Our engine as this run asks for it: with `--no-hints`, every section's hints removed. */
const ours = (knowledge: KnowledgeBase): Retriever =>
  noHints ? oursNoHints(knowledge) : ourEngine(knowledge, engineOptions, 'ours');

/** The figure columns of the shipped-article and the multi-article tables, in the order rows are built. */
const FIGURE_COLUMNS = [
  'ours@1',
  'ours@3',
  'ours off',
  'no-hints@1',
  'no-hints@3',
  'no-hints off',
  'BM25@1',
  'BM25@3',
  'Mini@1',
  'Mini@3',
];

function table(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((cell, at) =>
    Math.max(cell.length, ...rows.map((row) => (row[at] ?? '').length)),
  );
  const line = (row: readonly string[]): string =>
    row
      .map((cell, at) => (at === 0 ? cell.padEnd(widths[at] ?? 0) : cell.padStart(widths[at] ?? 0)))
      .join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('');
}

function printMisses(report: EvalReport, name: string): void {
  if (isFrozen(name) && !showMisses) {
    console.log(`(${name} is a frozen held-out set: misses are not listed; --show-misses lists them)\n`);
    return;
  }
  console.log(`${report.name} misses (top-1 not accepted): ${report.misses.length}`);
  for (const miss of report.misses) {
    console.log(
      `- ${JSON.stringify(miss.question)}\n    expected ${miss.expected.join(' | ')}; got ${miss.got.join(', ') || 'no-match'}`,
    );
  }
  console.log(`\nOff-topic questions ${report.name} answered: ${report.falseAnswers.length}`);
  for (const item of report.falseAnswers) console.log(`- ${JSON.stringify(item.question)} -> ${item.got}`);
  console.log('');
}

// ---------------------------------------------------------------------------------------------------------
// One set of the shipped article

function oneSet(name: string): void {
  const set = loadSet(name);
  console.log(`${name} set: ${set.answerable.length} answerable, ${set.offTopic.length} off-topic\n`);
  const reports = [ours(shipped), plainBm25(shipped), miniSearch(shipped), plainFuse(shipped)].map(
    (retriever) => evaluate(retriever, set),
  );
  table(
    ['engine', 'top-1', 'top-3', 'off-topic declined'],
    reports.map((report) => [
      report.name,
      percent(report.top1),
      percent(report.top3),
      percent(report.abstention),
    ]),
  );
  printMisses(reports[0] as EvalReport, name);
}

function summary(): void {
  const retrievers = [
    ourEngine(shipped, engineOptions, 'ours'),
    oursNoHints(shipped),
    plainBm25(shipped),
    miniSearch(shipped),
  ];
  const rows: string[][] = [];
  for (const name of shippedSets) {
    if (!setExists(name)) continue;
    const set = loadSet(name);
    const reports = retrievers.map((retriever) => evaluate(retriever, set));
    rows.push([
      `${name}${isFrozen(name) ? ' (frozen)' : ''} ${set.answerable.length}+${set.offTopic.length}`,
      ...reports.flatMap((report, at) => {
        const cells = [percent(report.top1), percent(report.top3)];
        return at < 2 ? [...cells, percent(report.abstention)] : cells;
      }),
    ]);
  }
  console.log(`Shipped article (${SHIPPED_ARTICLE}) alone: top-1 / top-3 / off-topic declined\n`);
  table(['set (answerable+off-topic)', ...FIGURE_COLUMNS], rows);
}

// ---------------------------------------------------------------------------------------------------------
// Typos

function typos(verbose: boolean): void {
  const dev = loadSet('dev');
  const cases = generateTypoSet(dev.answerable, knowledgeCompounds(shipped));
  const kinds: (TypoKind | 'clean')[] = ['clean', '1-edit', '2-edit', 'compound'];
  const retrievers = [ours(shipped), plainBm25(shipped), miniSearch(shipped)];
  const rows: string[][] = [];
  let oursReports: Map<string, EvalReport> | undefined;
  for (const retriever of retrievers) {
    const reports = new Map<string, EvalReport>();
    for (const kind of kinds) {
      const answerable = kind === 'clean' ? dev.answerable : cases.filter((item) => item.kind === kind);
      reports.set(kind, evaluate(retriever, { answerable, offTopic: [] }));
    }
    oursReports ??= reports;
    rows.push([retriever.name, ...kinds.map((kind) => percent(reports.get(kind)?.top1 ?? 0))]);
  }
  const counts = kinds.map((kind) =>
    kind === 'clean' ? dev.answerable.length : cases.filter((item) => item.kind === kind).length,
  );
  console.log(`Typo set (generated from the dev set's answerable questions): top-1\n`);
  table(['engine', ...kinds.map((kind, at) => `${kind} (${counts[at]})`)], rows);
  if (verbose && oursReports) {
    for (const kind of ['1-edit', '2-edit', 'compound']) {
      const report = oursReports.get(kind);
      if (!report) continue;
      console.log(`${kind} misses: ${report.misses.length}`);
      for (const miss of report.misses)
        console.log(`- ${JSON.stringify(miss.question)} -> ${miss.got.join(', ') || 'no-match'}`);
      console.log('');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Several articles in one knowledge folder

function multi(verbose: boolean): void {
  const extra = loadFixtureArticles();
  if (extra.length === 0) {
    console.log('No extra articles in test/fixtures/articles/: the multi-article table is skipped.\n');
    return;
  }
  const knowledge = multiKnowledge(shipped, extra);
  const retrievers = [
    ourEngine(knowledge, engineOptions, 'ours'),
    oursNoHints(knowledge),
    plainBm25(knowledge),
    miniSearch(knowledge),
  ];
  const targets: { label: string; articleId: string; name: string; set: QuestionSet }[] = [];
  if (setExists('fresh') && !tuningOnly)
    targets.push({
      label: `${SHIPPED_ARTICLE} (fresh)`,
      articleId: SHIPPED_ARTICLE,
      name: 'fresh',
      set: loadSet('fresh'),
    });
  for (const item of extra) {
    if (item.questions && !tuningOnly) {
      targets.push({
        label: item.article.id,
        articleId: item.article.id,
        name: `article:${item.article.id}`,
        set: item.questions,
      });
    }
  }
  for (const item of extra) {
    const tuning = tuningSet(item.article.id);
    if (tuning) {
      targets.push({
        label: `${item.article.id} (tuning)`,
        articleId: item.article.id,
        name: `tuning:${item.article.id}`,
        set: tuning,
      });
    }
  }
  console.log(
    `Multi-article knowledge: ${knowledge.articles.map((article) => article.id).join(', ')}\n` +
      'per article: top-1 / top-3 / off-topic declined (frozen sets, then our own tuning questions)\n',
  );
  const rows: string[][] = [];
  const oursByTarget: EvalReport[] = [];
  for (const target of targets) {
    const reports = retrievers.map((retriever) => evaluate(retriever, target.set, target.articleId));
    oursByTarget.push(reports[0] as EvalReport);
    rows.push([
      `${target.label} ${target.set.answerable.length}+${target.set.offTopic.length}`,
      ...reports.flatMap((report, at) => {
        const cells = [percent(report.top1), percent(report.top3)];
        return at < 2 ? [...cells, percent(report.abstention)] : cells;
      }),
    ]);
  }
  table(['article', ...FIGURE_COLUMNS], rows);

  console.log(
    `${SHIPPED_ARTICLE}: ours alone vs with the extra articles (top-1 / top-3 / off-topic declined)\n`,
  );
  const alone = ourEngine(shipped, engineOptions, 'ours');
  const together = retrievers[0] as Retriever;
  const shiftRows: string[][] = [];
  for (const name of shippedSets) {
    if (!setExists(name)) continue;
    const set = loadSet(name);
    const a = evaluate(alone, set, SHIPPED_ARTICLE);
    const b = evaluate(together, set, SHIPPED_ARTICLE);
    shiftRows.push([
      `${name}${isFrozen(name) ? ' (frozen)' : ''}`,
      `${percent(a.top1)} / ${percent(a.top3)} / ${percent(a.abstention)}`,
      `${percent(b.top1)} / ${percent(b.top3)} / ${percent(b.abstention)}`,
      `${((b.top1 - a.top1) * 100).toFixed(1)}`,
    ]);
  }
  table(['set', 'alone', 'with extra articles', 'Δ top-1 (points)'], shiftRows);
  if (verbose) targets.forEach((target, at) => printMisses(oursByTarget[at] as EvalReport, target.name));
}

// ---------------------------------------------------------------------------------------------------------

if (setName !== undefined && tuningOnly && isFrozen(setName)) {
  console.error(`--tuning runs no frozen set, and "${setName}" is one`);
  process.exit(1);
} else if (setName === undefined) {
  summary();
  typos(false);
  multi(false);
} else if (setName === 'typos') typos(true);
else if (setName === 'multi') multi(true);
else if (setExists(setName)) oneSet(setName);
else {
  console.error(`unknown set "${setName}": use one of ${[...SHIPPED_SETS, 'typos', 'multi'].join(', ')}`);
  process.exit(1);
}
