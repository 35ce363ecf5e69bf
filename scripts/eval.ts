/**
 * `npm run eval [-- --set holdout] [-- --threshold 0.5]`: accuracy of our engine next to plain Fuse and
 * MiniSearch on the same questions, then our misses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.js';
import { evaluate, type QuestionSet } from '../src/eval/evaluate.js';
import { miniSearch, ourEngine, plainFuse } from '../src/eval/retrievers.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const setName = option('set') ?? 'dev';
const threshold = option('threshold') === undefined ? undefined : Number(option('threshold'));

const loaded = loadKnowledge(join(import.meta.dirname, '..', 'knowledge'));
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}
const set = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', `${setName}-set.json`), 'utf8'),
) as QuestionSet;

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
console.log(`${setName} set: ${set.answerable.length} answerable, ${set.offTopic.length} off-topic\n`);
const reports = [
  ourEngine(loaded.knowledge, threshold === undefined ? {} : { threshold }),
  plainFuse(loaded.knowledge),
  miniSearch(loaded.knowledge),
].map((retriever) => evaluate(retriever, set));
console.log(
  `${'engine'.padEnd(36)} ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'off-topic abstained'.padStart(20)}`,
);
for (const report of reports) {
  console.log(
    `${report.name.padEnd(36)} ${percent(report.top1).padStart(7)} ${percent(report.top3).padStart(7)} ${percent(report.abstention).padStart(20)}`,
  );
}
const ours = reports[0];
if (ours) {
  console.log(`\nOur misses (top-1 not accepted): ${ours.misses.length}`);
  for (const miss of ours.misses) {
    console.log(
      `- ${JSON.stringify(miss.question)}\n    expected ${miss.expected.join(' | ')}; got ${miss.got.join(', ') || 'no-match'}`,
    );
  }
  console.log(`\nOff-topic questions we answered: ${ours.falseAnswers.length}`);
  for (const item of ours.falseAnswers) console.log(`- ${JSON.stringify(item.question)} -> ${item.got}`);
}
