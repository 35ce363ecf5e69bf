/**
 * `npm run check-knowledge [-- <folder>]`: hint questions that find another section first, and hints listed
 * under two sections. Exits 1 when there is any finding.
 */
import { join } from 'node:path';
import { checkKnowledge } from './eval/knowledge-check.js';
import { loadKnowledge } from '../src/knowledge/load.js';

const folder = process.argv[2] ?? join(import.meta.dirname, '..', 'knowledge');
const loaded = loadKnowledge(folder);
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}
const findings = checkKnowledge(loaded.knowledge);
for (const finding of findings) console.log(finding.message);
console.log(findings.length === 0 ? `${folder}: no findings` : `${folder}: ${findings.length} finding(s)`);
process.exit(findings.length === 0 ? 0 : 1);
