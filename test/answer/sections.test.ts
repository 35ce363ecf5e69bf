import { describe, expect, it, test } from 'vitest';
import { findSections, resolveSection } from '../../src/answer/sections.js';
import { createEngine } from '../../src/engine/engine.js';
import type { Article } from '../../src/knowledge/types.js';

function article(id: string, title: string, headings: Record<string, string>): Article {
  return {
    id,
    title,
    sections: Object.entries(headings).map(([sectionId, heading]) => ({
      id: sectionId,
      articleId: id,
      heading,
      hints: { keywords: [], questions: [] },
      paragraphs: [{ id: `${sectionId}/1`, articleId: id, sectionId, index: 1, text: `${heading} text.` }],
    })),
  };
}

const one = createEngine({
  articles: [
    article('wellbeing', 'Wellbeing', {
      introduction: 'Introduction',
      'patient-centered-focus': 'Patient-Centered Focus',
      'handling-unwanted-attention': 'Handling Unwanted Attention',
      conclusion: 'Conclusion',
    }),
  ],
});
const two = createEngine({
  articles: [
    article('first', 'First Article', { intro: 'Intro', focus: 'Focus' }),
    article('second', 'Second Article', { intro: 'Intro', ending: 'Ending' }),
  ],
});

describe('GIVEN one article', () => {
  test.each([
    ['an autocomplete value', 'wellbeing:conclusion', 'conclusion'],
    ['the exact heading', 'Patient-Centered Focus', 'patient-centered-focus'],
    ['part of a heading, any case', 'unwanted', 'handling-unwanted-attention'],
    ['a section id', 'handling-unwanted-attention', 'handling-unwanted-attention'],
    ['a heading with spaces for dashes', 'patient centered', 'patient-centered-focus'],
    ['surrounding spaces', '  conclusion  ', 'conclusion'],
  ])('WHEN resolving %s THEN it is the section', (_name, value, sectionId) => {
    expect(resolveSection(one, value)).toEqual({ articleId: 'wellbeing', sectionId });
  });

  test.each([
    ['an unknown heading', 'pizza'],
    ['an autocomplete value for an unknown article', 'nope:conclusion'],
    ['an autocomplete value for an unknown section', 'wellbeing:nope'],
  ])('WHEN resolving %s THEN it is undefined', (_name, value) => {
    expect(resolveSection(one, value)).toBeUndefined();
  });

  it('WHEN nothing is typed THEN every section is offered in article order with plain headings', () => {
    expect(findSections(one, '')).toEqual([
      {
        articleId: 'wellbeing',
        sectionId: 'introduction',
        label: 'Introduction',
        value: 'wellbeing:introduction',
      },
      {
        articleId: 'wellbeing',
        sectionId: 'patient-centered-focus',
        label: 'Patient-Centered Focus',
        value: 'wellbeing:patient-centered-focus',
      },
      {
        articleId: 'wellbeing',
        sectionId: 'handling-unwanted-attention',
        label: 'Handling Unwanted Attention',
        value: 'wellbeing:handling-unwanted-attention',
      },
      { articleId: 'wellbeing', sectionId: 'conclusion', label: 'Conclusion', value: 'wellbeing:conclusion' },
    ]);
  });

  test.each([
    ['tion', ['introduction', 'handling-unwanted-attention']],
    ['ion', ['introduction', 'handling-unwanted-attention', 'conclusion']],
    ['FOCUS', ['patient-centered-focus']],
    ['zzz', []],
  ])('WHEN %j is typed THEN the matching sections are %j', (typed, ids) => {
    expect(findSections(one, typed).map((choice) => choice.sectionId)).toEqual(ids);
  });
});

describe('GIVEN two articles', () => {
  it('WHEN sections are listed THEN labels name the article and values tell same-named sections apart', () => {
    expect(findSections(two, 'intro').map(({ label, value }) => [label, value])).toEqual([
      ['Intro — First Article', 'first:intro'],
      ['Intro — Second Article', 'second:intro'],
    ]);
  });

  it('WHEN an autocomplete value is resolved THEN it is that article’s section', () => {
    expect(resolveSection(two, 'second:intro')).toEqual({ articleId: 'second', sectionId: 'intro' });
    expect(resolveSection(two, 'ending')).toEqual({ articleId: 'second', sectionId: 'ending' });
  });
});
