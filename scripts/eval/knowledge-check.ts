import { createEngine } from '../../src/engine/engine.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { words } from '../../src/text/index.js';

/** One problem with a knowledge folder's hints, for its author. */
export interface KnowledgeFinding {
  readonly kind: 'hint-ranks-elsewhere' | 'duplicate-hint';
  readonly articleId: string;
  readonly sectionId: string;
  readonly message: string;
}

/**
 * The knowledge check (`npm run check-knowledge`): every hint question should find its own section first,
 * and no keyword or question should be listed under two sections (it would pull both ways).
 */
export function checkKnowledge(knowledge: KnowledgeBase): KnowledgeFinding[] {
  const engine = createEngine(knowledge);
  const findings: KnowledgeFinding[] = [];
  const seen = new Map<string, { articleId: string; sectionId: string; text: string }>();
  for (const article of knowledge.articles) {
    for (const section of article.sections) {
      for (const question of section.hints.questions) {
        const result = engine.answer(question);
        const got =
          result.kind === 'answer'
            ? `${result.articleId}#${result.sectionId}`
            : 'no answer (below the threshold)';
        if (result.kind === 'answer' && result.articleId === article.id && result.sectionId === section.id)
          continue;
        findings.push({
          kind: 'hint-ranks-elsewhere',
          articleId: article.id,
          sectionId: section.id,
          message: `${article.id}#${section.id}: hint question "${question}" finds ${got} first (try \`npm run ask -- --explain\`)`,
        });
      }
      for (const [kind, list] of [
        ['keyword', section.hints.keywords],
        ['question', section.hints.questions],
      ] as const) {
        for (const text of list) {
          const key = `${kind}:${words(text).join(' ')}`;
          const earlier = seen.get(key);
          if (earlier && (earlier.articleId !== article.id || earlier.sectionId !== section.id)) {
            findings.push({
              kind: 'duplicate-hint',
              articleId: article.id,
              sectionId: section.id,
              message: `${article.id}#${section.id}: hint ${kind} "${text}" is also a hint of ${earlier.articleId}#${earlier.sectionId}`,
            });
          } else if (!earlier) seen.set(key, { articleId: article.id, sectionId: section.id, text });
        }
      }
    }
  }
  return findings;
}
