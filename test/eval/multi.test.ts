import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { evaluate } from '../../scripts/eval/evaluate.js';
import { ourEngine, withoutHints } from '../../scripts/eval/retrievers.js';
import {
  SHIPPED_ARTICLE,
  loadFixtureArticles,
  loadSet,
  loadShippedKnowledge,
  multiKnowledge,
  tuningSet,
} from '../../scripts/eval/sets.js';

const shipped = loadShippedKnowledge();
const extra = loadFixtureArticles();
const multi = multiKnowledge(shipped, extra);
const together = createEngine(multi);

describe('several articles in one knowledge folder', () => {
  it('GIVEN the extra articles THEN both load beside the shipped one, each with a frozen question set', () => {
    expect(multi.articles.map((article) => article.id)).toEqual([
      SHIPPED_ARTICLE,
      'choosing-a-therapy-approach',
      'texting-your-therapist',
    ]);
    for (const item of extra) expect(item.questions?.answerable.length).toBeGreaterThanOrEqual(45);
  });

  // Measured 27 November 2026 on the 96 tuning questions: 5 taken (5.2%). The aim is none; this guards
  // against it getting worse.
  it("GIVEN questions about an extra article THEN the shipped article's hints take at most 6% of them", () => {
    const hinted = ourEngine(multi);
    const unhinted = ourEngine(withoutHints(multi));
    const stolen: string[] = [];
    let total = 0;
    for (const item of extra) {
      const set = tuningSet(item.article.id);
      for (const question of set?.answerable ?? []) {
        total++;
        const withHints = hinted.rank(question.question)[0]?.articleId;
        const withoutThem = unhinted.rank(question.question)[0]?.articleId;
        if (withoutThem === item.article.id && withHints !== item.article.id) stolen.push(question.question);
      }
    }
    expect(total).toBeGreaterThan(20);
    expect(stolen.length / total, stolen.join('\n')).toBeLessThanOrEqual(0.06);
  });

  it('GIVEN a therapy topic the vocabulary lists as out of scope THEN it is declined until an article covers it', () => {
    const alone = createEngine(shipped).answer('what is cbt and who is it for');
    expect(alone.kind).toBe('no-match');
    const answer = together.answer('what is cbt and who is it for');
    expect(answer.kind === 'answer' && `${answer.articleId}#${answer.sectionId}`).toBe(
      'choosing-a-therapy-approach#cognitive-behavioral-therapy-cbt',
    );
  });

  it('GIVEN a question with a word the knowledge does not know WHEN it names a section heading THEN that section answers it', () => {
    // "legit" is known to no article; "EMDR" names the heading "EMDR for Trauma".
    const answer = createEngine(withoutHints(multi)).answer('is EMDR legit for trauma');
    expect(answer.kind === 'answer' && `${answer.articleId}#${answer.sectionId}`).toBe(
      'choosing-a-therapy-approach#emdr-for-trauma',
    );
  });

  it('GIVEN an off-topic question that shares one heading word with a section THEN it is still declined', () => {
    for (const engine of [together, createEngine(withoutHints(multi))]) {
      expect(engine.answer('how do i get into a bootcamp group for coding').kind).toBe('no-match');
      expect(engine.answer('best texting app for android').kind).toBe('no-match');
    }
  });

  it('GIVEN a question that names no therapist WHEN the knowledge knows every word of it THEN it is answered', () => {
    const answer = createEngine(withoutHints(multi)).answer('what number do i call if im in danger');
    expect(answer.kind === 'answer' && `${answer.articleId}#${answer.sectionId}`).toBe(
      'texting-your-therapist#what-counts-as-an-emergency',
    );
    const shippedAnswer = createEngine(shipped).answer(
      "she looked exhausted today and I didn't know what to do",
    );
    expect(shippedAnswer.kind === 'answer' && shippedAnswer.sectionId).toBe('patient-centered-focus');
  });

  it('GIVEN a greeting whose words the knowledge knows only inside a phrase THEN it is still declined', () => {
    for (const engine of [createEngine(shipped), together]) {
      expect(engine.answer('hey whats up everyone').kind).toBe('no-match');
    }
  });

  it("GIVEN the extra articles are added THEN the shipped article's dev questions lose at most 1 point of top-1", () => {
    const dev = loadSet('dev');
    const before = evaluate(ourEngine(shipped), dev, SHIPPED_ARTICLE).top1;
    const after = evaluate(ourEngine(multi), dev, SHIPPED_ARTICLE).top1;
    expect(before - after).toBeLessThanOrEqual(0.01);
  });
});
