/**
 * A fast pre-test for hundreds of regular expressions over one text. From each pattern's source it works
 * out literal strings of which every match must contain at least one (its anchors: "kill myself" and
 * "end it" for `\b(?:kill myself|end it)\b`). One pass of an Aho–Corasick automaton over the text then
 * says which anchors occur, and a pattern none of whose anchors occur cannot match, so it is not run.
 * A pattern whose anchors cannot be worked out (every part optional, say) is always run.
 *
 * The reading of a source is conservative: anything it does not understand counts as "no requirement",
 * which can only make the pre-test say "maybe" more often, never skip a pattern that could match.
 */

/**
 * What a part of a pattern requires: each clause a set of literals of which a match contains at least one,
 * and every clause holds (empty: nothing known is required).
 */
type Required = readonly ReadonlySet<string>[];

interface Term {
  /** A single literal character that must occur once, or undefined. */
  readonly char?: string;
  /** The term consumes no characters (`\b`, `^`, `$`, a lookaround). */
  readonly zeroWidth?: boolean;
  /** What the term requires when it is not a single character. */
  readonly required: Required;
  /** The term must occur at least once. */
  readonly mandatory: boolean;
  /** The text may hold it more than once (`s+`, `s{2}`), so a run of literal characters ends after it. */
  readonly repeats?: boolean;
}

/**
 * Literal strings every match of `source` contains: each inner list holds strings of which a match
 * contains at least one, and every list holds. Empty when nothing is known to be required.
 */
export function requiredLiterals(source: string): string[][] {
  const parser = new SourceReader(source);
  const required = parser.alternation();
  if (!parser.done()) throw new Error('unbalanced parenthesis');
  return required.map((clause) => [...clause]);
}

/** The most selective clause: the longest shortest literal, then the fewest literals. */
function bestClause(clauses: Required): ReadonlySet<string> | undefined {
  const shortest = (set: ReadonlySet<string>) => Math.min(...[...set].map((s) => s.length));
  let best: ReadonlySet<string> | undefined;
  for (const clause of clauses) {
    if (
      !best ||
      shortest(clause) > shortest(best) ||
      (shortest(clause) === shortest(best) && clause.size < best.size)
    )
      best = clause;
  }
  return best;
}

class SourceReader {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at >= this.source.length;
  }

  /** `a|b|c` up to a closing parenthesis or the end. */
  alternation(): Required {
    const branches: Required[] = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] ?? [];
    // Each branch may be the one that matches: one clause, a literal of whichever branch it is.
    const best = branches.map(bestClause);
    if (best.some((clause) => clause === undefined)) return [];
    return [new Set(best.flatMap((clause) => [...(clause ?? [])]))];
  }

  private sequence(): Required {
    const clauses: ReadonlySet<string>[] = [];
    let run = '';
    const endRun = () => {
      if (run.length > 0) clauses.push(new Set([run]));
      run = '';
    };
    while (!this.done() && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const term = this.term();
      if (term.zeroWidth) continue;
      if (term.char !== undefined && term.mandatory) {
        run += term.char;
        if (term.repeats) endRun();
        continue;
      }
      endRun();
      if (term.mandatory) clauses.push(...term.required);
    }
    endRun();
    return clauses;
  }

  private term(): Term {
    const atom = this.atom();
    const { min, repeats } = this.quantifier();
    if (atom.zeroWidth) return atom;
    return { ...atom, mandatory: atom.mandatory && min >= 1, repeats };
  }

  private atom(): Term {
    const c = this.source[this.at++] as string;
    if (c === '^' || c === '$') return { zeroWidth: true, required: [], mandatory: true };
    if (c === '.') return { required: [], mandatory: true };
    if (c === '[') {
      this.skipClass();
      return { required: [], mandatory: true };
    }
    if (c === '(') return this.group();
    if (c === '\\') return this.escape();
    return { char: c, required: [], mandatory: true };
  }

  private group(): Term {
    let lookaround = false;
    if (this.source[this.at] === '?') {
      const kind = this.source.slice(this.at, this.at + 3);
      if (kind.startsWith('?:')) this.at += 2;
      else if (kind.startsWith('?=') || kind.startsWith('?!')) {
        this.at += 2;
        lookaround = true;
      } else if (kind === '?<=' || kind === '?<!') {
        this.at += 3;
        lookaround = true;
      } else if (kind.startsWith('?<')) {
        this.at = this.source.indexOf('>', this.at) + 1;
        if (this.at === 0) throw new Error('unterminated group name');
      } else throw new Error(`unknown group (${kind})`);
    }
    const inside = this.alternation();
    if (this.source[this.at] !== ')') throw new Error('unbalanced parenthesis');
    this.at++;
    return lookaround
      ? { zeroWidth: true, required: [], mandatory: true }
      : { required: inside, mandatory: true };
  }

  private escape(): Term {
    const c = this.source[this.at++];
    if (c === undefined) throw new Error('trailing backslash');
    if (c === 'b' || c === 'B') return { zeroWidth: true, required: [], mandatory: true };
    // Classes, back-references, control and code escapes: some character, not a known one.
    if (/[dDsSwWnrtvf0-9cxuk]/.test(c)) return { required: [], mandatory: true };
    return { char: c, required: [], mandatory: true };
  }

  private skipClass(): void {
    if (this.source[this.at] === '^') this.at++;
    if (this.source[this.at] === ']') this.at++;
    while (!this.done() && this.source[this.at] !== ']') {
      if (this.source[this.at] === '\\') this.at++;
      this.at++;
    }
    if (this.done()) throw new Error('unterminated character class');
    this.at++;
  }

  /** The quantifier after an atom: how few times it must occur, and whether it may repeat. */
  private quantifier(): { min: number; repeats: boolean } {
    const c = this.source[this.at];
    let min = 1;
    let repeats = false;
    if (c === '?' || c === '*' || c === '+') {
      this.at++;
      min = c === '+' ? 1 : 0;
      repeats = c !== '?';
    } else if (c === '{') {
      const bounds = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!bounds) return { min, repeats };
      this.at += bounds[0].length;
      min = Number(bounds[1]);
      // Anything but exactly once: the run of literal characters cannot go on past it.
      repeats = !(min === 1 && (bounds[2] === undefined || bounds[3] === '1'));
    } else return { min, repeats };
    if (this.source[this.at] === '?') this.at++;
    return { min, repeats };
  }
}

/** Which of many patterns may match a text, by one scan for all their anchors. */
export interface AnchorIndex {
  /** For one text: a test per pattern (by its position in the list given) of whether it may match. */
  scan(text: string): (pattern: number) => boolean;
}

export function buildAnchorIndex(sources: readonly string[]): AnchorIndex {
  const anchorIds = new Map<string, number>();
  const idOf = (literal: string): number => {
    const known = anchorIds.get(literal);
    if (known !== undefined) return known;
    anchorIds.set(literal, anchorIds.size);
    return anchorIds.size - 1;
  };
  const clausesOf = sources.map((source) => {
    try {
      return requiredLiterals(source).map((clause) => clause.map(idOf));
    } catch {
      // A source this reader does not follow is always run.
      return [];
    }
  });
  const automaton = buildAutomaton([...anchorIds.keys()]);
  return {
    scan(text) {
      const found = automaton.find(text);
      return (pattern) => (clausesOf[pattern] ?? []).every((clause) => clause.some((id) => found[id] === 1));
    },
  };
}

/** Aho–Corasick over the anchors: every anchor occurring in a text, in one pass. */
function buildAutomaton(words: readonly string[]): { find(text: string): Uint8Array } {
  const next: Map<string, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  words.forEach((word, id) => {
    let state = 0;
    for (const c of word) {
      let to = next[state]?.get(c);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        outputs.push([]);
        next[state]?.set(c, to);
      }
      state = to;
    }
    outputs[state]?.push(id);
  });
  const fail = new Array<number>(next.length).fill(0);
  const queue: number[] = [...(next[0]?.values() ?? [])];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    for (const [c, to] of next[state] ?? []) {
      let back = fail[state] as number;
      while (back !== 0 && !next[back]?.has(c)) back = fail[back] as number;
      const target = next[back]?.get(c);
      fail[to] = target !== undefined && target !== to ? target : 0;
      outputs[to]?.push(...(outputs[fail[to] as number] ?? []));
      queue.push(to);
    }
  }
  return {
    find(text) {
      const found = new Uint8Array(words.length);
      let state = 0;
      for (const c of text) {
        while (state !== 0 && !next[state]?.has(c)) state = fail[state] as number;
        state = next[state]?.get(c) ?? 0;
        for (const id of outputs[state] ?? []) found[id] = 1;
      }
      return found;
    },
  };
}
