/**
 * The safety check's cost: it runs before every answer, so it must stay small. Per-message median and
 * p99 for a short question, a 1,000-character message and the 20,000-character cap it reads.
 */
import { assessSafety } from '../src/safety/crisis.js';
import { stats } from './bench-stats.js';

const ordinary =
  'my therapist seemed tired today and i wonder if i can ask how she is doing, i want to be kind. ';
const inputs: Record<string, string[]> = {
  'short question (~40 chars)': [
    'can i ask my therapist how she is doing',
    'crush on my counselor, what do i do',
    'is it ok to give my therapist a gift',
    'what is this article about',
  ],
  '1,000 characters': [
    ordinary.repeat(12).slice(0, 1000),
    (ordinary.repeat(11) + 'i want to end it tonight').slice(-1000),
  ],
  '20,000 characters (the cap)': [
    ordinary.repeat(220).slice(0, 20_000),
    'i want to just really like '.repeat(800).slice(0, 20_000),
  ],
};

console.log('\n## Safety check (assessSafety), per message\n');
console.log('| input | median | p99 |');
console.log('| --- | --- | --- |');
for (const [name, messages] of Object.entries(inputs)) {
  const runs = name.startsWith('20,000') ? 40 : 400;
  for (let i = 0; i < 20; i++) for (const message of messages) assessSafety(message);
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const message = messages[i % messages.length] ?? '';
    const started = performance.now();
    assessSafety(message);
    timings.push(performance.now() - started);
  }
  const { medianMs, p99Ms } = stats(timings);
  console.log(`| ${name} | ${medianMs.toFixed(3)} ms | ${p99Ms.toFixed(3)} ms |`);
}
