import { describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../scripts/eval/knowledge-check.js';
import { parseArticle } from '../../src/knowledge/parse.js';
import { loadShippedKnowledge } from '../../scripts/eval/sets.js';

function knowledgeOf(text: string) {
  const parsed = parseArticle('pets.md', text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { articles: [parsed.article] };
}

describe('the knowledge check', () => {
  it('GIVEN the same hint keyword under two sections THEN it is flagged once, naming both sections', () => {
    const findings = checkKnowledge(
      knowledgeOf(
        '# Pets\n\n## Feeding\n\n<!-- hints\nkeywords: [dinner]\n-->\n\nFeed the dog twice a day.\n\n' +
          '## Walking\n\n<!-- hints\nkeywords: [Dinner]\n-->\n\nWalk the dog every morning.\n',
      ),
    );
    expect(findings.filter((finding) => finding.kind === 'duplicate-hint').map((finding) => finding.message)).toEqual([
      'pets#walking: hint keyword "Dinner" is also a hint of pets#feeding',
    ]);
  });

  it('GIVEN a hint question whose words belong to another section THEN it is flagged with where it goes', () => {
    const findings = checkKnowledge(
      knowledgeOf(
        '# Pets\n\n## Feeding\n\n<!-- hints\nquestions: [how often should I walk the dog every morning]\n-->\n\n' +
          'Feed the dog twice a day.\n\n## Walking\n\nWalk the dog every morning, walk it often.\n',
      ),
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^pets#feeding: hint question "how often should I walk the dog every morning" finds pets#walking first/),
    ]);
  });

  it('GIVEN the shipped knowledge THEN no hint is listed under two sections', () => {
    const duplicates = checkKnowledge(loadShippedKnowledge()).filter((finding) => finding.kind === 'duplicate-hint');
    expect(duplicates.map((finding) => finding.message)).toEqual([]);
  });
});
