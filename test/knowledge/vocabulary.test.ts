import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { parseVocabulary } from '../../src/knowledge/vocabulary.js';

const REPO_ROOT = join(import.meta.dirname, '..', '..');

function errorOf(text: string): string {
  const result = parseVocabulary('vocabulary.yaml', text);
  if (result.ok) throw new Error('expected an error');
  return `${result.error.file}:${result.error.line}: ${result.error.message}`;
}

describe('vocabulary.yaml is validated on load', () => {
  it('GIVEN the shipped knowledge folder THEN its vocabulary loads with groups, filler and out-of-scope topics', () => {
    const loaded = loadKnowledge(join(REPO_ROOT, 'knowledge'));
    if (!loaded.ok) throw new Error(loaded.message);
    const vocabulary = loaded.knowledge.vocabulary;
    expect(vocabulary?.groups.length).toBeGreaterThan(10);
    expect(vocabulary?.groups.some((group) => group.role === 'setting')).toBe(true);
    expect(vocabulary?.filler.length).toBeGreaterThan(10);
    expect(vocabulary?.outOfScope.length).toBeGreaterThan(5);
    expect(vocabulary?.outOfScope.flatMap((topic) => topic.terms)).toContain('insurance');
  });

  it('GIVEN a valid file THEN groups keep their terms and role, topic by default', () => {
    const result = parseVocabulary(
      'v.yaml',
      'filler: [lol]\ngroups:\n  pet:\n    terms: [dog, cat, "my * pet"]\n  vet:\n    role: setting\n    terms: [vet]\nout_of_scope: [taxes]\n',
    );
    expect(result).toEqual({
      ok: true,
      vocabulary: {
        filler: ['lol'],
        groups: [
          { name: 'pet', role: 'topic', terms: ['dog', 'cat', 'my * pet'] },
          { name: 'vet', role: 'setting', terms: ['vet'] },
        ],
        outOfScope: [{ topic: 'taxes', terms: ['taxes'] }],
      },
    });
  });

  it.each([
    ['groups:\n  pet:\n    terms: [dog, cat\n', /^vocabulary\.yaml:\d+: not valid YAML/],
    ['filler: [lol]\nsynonyms: []\n', /^vocabulary\.yaml:2: unknown key "synonyms"/],
    ['groups:\n  pet:\n    role: topic\n', /^vocabulary\.yaml:2: group "pet" has no terms/],
    ['groups:\n  pet:\n    role: animal\n    terms: [dog]\n', /^vocabulary\.yaml:3: group "pet": role must be one of/],
    ['groups:\n  Pet Names:\n    terms: [dog]\n', /^vocabulary\.yaml:2: group name "Pet Names"/],
    ['groups:\n  pet:\n    terms:\n      - dog\n      - "* pet"\n', /^vocabulary\.yaml:5: group "pet": "\* pet" may use \* only/],
    ['groups:\n  pet:\n    terms:\n      - dog\n      - cat\n      - Dog\n', /^vocabulary\.yaml:6: group "pet" lists "Dog" twice/],
    ['filler:\n  - lol\n  - no way\n', /^vocabulary\.yaml:3: filler "no way" must be one word/],
    ['out_of_scope: taxes\n', /^vocabulary\.yaml:1: out_of_scope must be a mapping of topic to terms/],
    ['out_of_scope:\n  money:\n    - taxes\n    - "* fee"\n', /^vocabulary\.yaml:4: out_of_scope topic "money": "\* fee"/],
    ['groups:\n  pet:\n    terms: [dog]\n    weight: 2\n', /^vocabulary\.yaml:4: group "pet": unknown key "weight"/],
  ])('GIVEN a broken vocabulary THEN the error names the file and the line (%#)', (text, expected) => {
    expect(errorOf(text)).toMatch(expected);
  });
});

describe('per-article vocabulary files', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  const folder = (files: Record<string, string>): string => {
    directory = mkdtempSync(join(tmpdir(), 'vocabulary-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
    return directory;
  };
  const ARTICLE = '# Pets\n\n## Feeding\n\nFeed your dog twice a day.\n\n## Walking\n\nWalk the dog every morning.\n';

  it('GIVEN an article vocabulary THEN its groups join the shared ones and the engine uses them', () => {
    const loaded = loadKnowledge(
      folder({
        'pets.md': ARTICLE,
        'vocabulary.yaml': 'groups:\n  dog:\n    terms: [dog]\n',
        'pets.vocabulary.yaml': 'groups:\n  dog:\n    terms: [pooch, doggo]\n  meal:\n    terms: [feed, dinner]\n',
      }),
    );
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.knowledge.vocabulary?.groups).toEqual([
      { name: 'dog', role: 'topic', terms: ['dog', 'pooch', 'doggo'] },
      { name: 'meal', role: 'topic', terms: ['feed', 'dinner'] },
    ]);
    const result = createEngine(loaded.knowledge).answer('when does my pooch get dinner');
    expect(result.kind === 'answer' ? result.sectionId : result.kind).toBe('feeding');
  });

  it('GIVEN a vocabulary file for an article that does not exist THEN loading fails naming the file', () => {
    const loaded = loadKnowledge(folder({ 'pets.md': ARTICLE, 'cats.vocabulary.yaml': 'filler: [meow]\n' }));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.message).toMatch(/cats\.vocabulary\.yaml:1: no article "cats\.md"/);
  });

  it('GIVEN a broken shared vocabulary THEN loading fails with its file and line', () => {
    const loaded = loadKnowledge(folder({ 'pets.md': ARTICLE, 'vocabulary.yaml': 'filler: [a]\ngroups: 3\n' }));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.message).toMatch(/vocabulary\.yaml:2: groups must be a mapping/);
  });

  it('GIVEN no vocabulary file THEN the knowledge loads and the engine matches words only', () => {
    const loaded = loadKnowledge(folder({ 'pets.md': ARTICLE }));
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.knowledge.vocabulary).toBeUndefined();
    const result = createEngine(loaded.knowledge).answer('how often should I walk the dog');
    expect(result.kind === 'answer' ? result.sectionId : result.kind).toBe('walking');
  });
});
