import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { buildAnchorIndex, type AnchorIndex } from './anchors.js';
import type { SafetySignal } from './types.js';

/**
 * The safety check's word lists, read once from the YAML files beside this module (`data/`). The code
 * holds only the method; what to look for lives in data a server's author can read and extend.
 */

export type CueLevel = 'danger' | 'facet' | 'distress' | 'amplifier';
export type CueWho = 'self' | 'other' | 'sentence';

export interface Cue {
  /** Position in the lexicon: two warning signs are two different cues, even of one signal. */
  readonly id: number;
  readonly signal: SafetySignal;
  readonly level: CueLevel;
  readonly who: CueWho;
  /** The topic named as a noun ("suicide", "self harm"): general talk and the past turn it off. */
  readonly topic: boolean;
  /** Chat slang that laughter turns into a joke ("kms lol"). */
  readonly jokeable: boolean;
  readonly pattern: RegExp;
  /**
   * The same pattern without the global flag, to ask first whether the cue is there at all: most cues are
   * not, and `matchAll` copies a global pattern on every call, which costs as much as the scan itself.
   */
  readonly present: RegExp;
}

export interface Lexicon {
  readonly tokens: ReadonlyMap<string, string>;
  readonly keyWords: readonly { word: string; maxDistance: number; second?: string }[];
  readonly realWords: ReadonlySet<string>;
  readonly idioms: readonly RegExp[];
  /** Every idiom as one alternation, to ask first whether any is in the text at all: most messages have none. */
  readonly anyIdiom: RegExp;
  readonly cues: readonly Cue[];
  /** Which cues may be in a text, by one scan for the literals each needs (`anchors.ts`), by cue id. */
  readonly cueAnchors: AnchorIndex;
  readonly frames: Readonly<Record<FrameName, RegExp>>;
  /** Subject words, tried as one alternation; the named group that matched says whose they are. */
  readonly subjects: RegExp;
}

const SIGNALS = [
  'ideation',
  'passive-wish',
  'plan-or-means',
  'timing',
  'preparation',
  'goodbye',
  'self-harm',
  'danger-from-others',
  'hopelessness',
  'distress',
  'help-seeking',
] as const satisfies readonly SafetySignal[];

const FRAME_NAMES = [
  'fiction',
  'general',
  'past',
  'recovery',
  'loss',
  'recurrence',
  'now',
  'joking',
  'meaningIt',
  'hypothetical',
  'negation',
  'ordinaryGoodbye',
  'supporter',
] as const;

/** The frames a sentence or a message can have; each has its word list in `lexicon.yaml`. */
export type FrameName = (typeof FRAME_NAMES)[number];

const wordGroup = z.union([z.string(), z.array(z.string()).min(1)]);

const normalisationFile = z.object({
  tokens: z.record(z.string(), z.string()),
  keyWords: z.array(
    z.object({
      word: z.string(),
      maxDistance: z.number().int().min(0).max(2),
      second: z.string().optional(),
    }),
  ),
  realWords: z.array(z.string()),
});
const idiomsFile = z.object({ idioms: z.array(z.string()) });
const lexiconFile = z.object({
  words: z.record(z.string(), wordGroup),
  cues: z.array(
    z.object({
      signal: z.enum(SIGNALS),
      level: z.enum(['danger', 'facet', 'distress', 'amplifier']),
      who: z.enum(['self', 'other', 'sentence']),
      topic: z.boolean().optional(),
      jokeable: z.boolean().optional(),
      patterns: z.array(z.string()).min(1),
    }),
  ),
  frames: z.object(Object.fromEntries(FRAME_NAMES.map((name) => [name, z.array(z.string()).min(1)]))),
  subjects: z.object({ self: z.string(), other: z.string(), general: z.string() }),
});

function readYaml<T>(fileName: string, schema: z.ZodType<T>): T {
  const url = new URL(`./data/${fileName}`, import.meta.url);
  const parsed = schema.safeParse(parseYaml(readFileSync(url, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`src/safety/data/${fileName}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

/** `{NAME}` becomes the named word group, itself expanded; a list is one alternation. */
function expander(words: Readonly<Record<string, string | readonly string[]>>): (source: string) => string {
  const expanded = new Map<string, string>();
  const expand = (source: string, depth: number): string =>
    source.replace(/\{([A-Z_]+)\}/g, (_whole, name: string) => {
      const group = words[name];
      if (group === undefined) throw new Error(`src/safety/data/lexicon.yaml: unknown word group {${name}}`);
      if (depth > 4) throw new Error(`src/safety/data/lexicon.yaml: word group {${name}} refers to itself`);
      const known = expanded.get(name);
      if (known !== undefined) return known;
      const text = expand(typeof group === 'string' ? group : `(?:${group.join('|')})`, depth + 1);
      expanded.set(name, text);
      return text;
    });
  return (source) => expand(source, 0);
}

function compile(source: string, where: string, flags = ''): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new Error(`src/safety/data/${where}: ${(error as Error).message}`);
  }
}

function loadLexicon(): Lexicon {
  const normalisation = readYaml('normalisation.yaml', normalisationFile);
  const idioms = readYaml('idioms.yaml', idiomsFile);
  const lexicon = readYaml('lexicon.yaml', lexiconFile);
  const expand = expander(lexicon.words);
  const frames = Object.fromEntries(
    FRAME_NAMES.map((name) => {
      const sources = (lexicon.frames as Record<FrameName, string[]>)[name];
      return [
        name,
        compile(sources.map((source) => expand(source)).join('|'), `lexicon.yaml: frames.${name}`),
      ];
    }),
  ) as Record<FrameName, RegExp>;
  const { self, other, general } = lexicon.subjects;
  const cues = compileCues(lexicon.cues, expand);
  return {
    tokens: new Map(Object.entries(normalisation.tokens)),
    keyWords: normalisation.keyWords,
    realWords: new Set(normalisation.realWords),
    idioms: idioms.idioms.map((source, index) => compile(source, `idioms.yaml: idioms.${index}`, 'g')),
    anyIdiom: compile(idioms.idioms.map((source) => `(?:${source})`).join('|'), 'idioms.yaml'),
    cues,
    cueAnchors: buildAnchorIndex(cues.map((cue) => cue.pattern.source)),
    frames,
    subjects: compile(
      `(?<other>${expand(other)})|(?<general>${expand(general)})|(?<self>${expand(self)})`,
      'lexicon.yaml: subjects',
      'g',
    ),
  };
}

function compileCues(cues: z.infer<typeof lexiconFile>['cues'], expand: (source: string) => string): Cue[] {
  return cues
    .flatMap((cue, cueIndex) =>
      cue.patterns.map((source, patternIndex): Omit<Cue, 'id'> => {
        const pattern = compile(
          expand(source),
          `lexicon.yaml: cues.${cueIndex}.patterns.${patternIndex}`,
          'g',
        );
        return {
          signal: cue.signal,
          level: cue.level,
          who: cue.who,
          topic: cue.topic ?? false,
          jokeable: cue.jokeable ?? false,
          pattern,
          present: new RegExp(pattern.source),
        };
      }),
    )
    .map((cue, id) => ({ id, ...cue }));
}

/** Loaded once: the check runs before every answer and must not touch the disk then. */
export const LEXICON: Lexicon = loadLexicon();
