import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeReply } from '../../src/answer/compose.js';
import { checkMessageLimits } from '../../src/answer/limits.js';
import { createResponder } from '../../src/answer/responder.js';
import { createEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { FALLBACK_CRISIS_REPLY } from '../../src/safety/crisis-reply.js';

const loaded = loadKnowledge(join(import.meta.dirname, '..', '..', 'knowledge'));
if (!loaded.ok) throw new Error(loaded.message);
const engine = createEngine(loaded.knowledge);
const responder = createResponder({ engine });

/** Pieces people (and attackers) paste into Discord, mixed with random text. */
const hostilePiece = fc.constantFrom(
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '**bold**',
  '__under__',
  '||spoiler||',
  '```js\nalert(1)\n```',
  '# heading',
  '-# subtext',
  '> quote',
  '[click](https://evil.example)',
  'https://discord.gg/abc',
  '\u202Eevil\u202C',
  '\u0000\u0007\u001B[31m',
  '\u200B\u200D\uFEFF',
  '👩‍👩‍👧‍👦🏳️‍🌈🇫🇷',
  'e\u0301\u0301\u0301\u0301\u0301\u0301',
  '\uD800',
  'therapist',
  'crush',
  'how are you',
  'kill',
  'die',
  '¿Puedo preguntarle a mi terapeuta cómo está?',
  '我可以问我的治疗师她好吗',
  'هل يمكنني أن أسأل معالجي',
  '\n\n\n',
  ' '.repeat(50),
);
const hostileQuestion = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(hostilePiece, fc.string({ unit: 'binary', maxLength: 40 })), { maxLength: 20 })
      .map((parts) => parts.join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10_000 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2_000 }) },
);

describe('GIVEN random and hostile questions', () => {
  it('THEN 10,000 of them go through engine and composer without an exception, within every Discord limit, deterministically', () => {
    fc.assert(
      fc.property(
        hostileQuestion,
        fc.constantFrom('private' as const, 'public' as const),
        (question, surface) => {
          const reply = responder.respond(question, { guildId: '123456789012345678' });
          const message = composeReply(reply, { engine, crisis: FALLBACK_CRISIS_REPLY, surface });
          expect(checkMessageLimits(message)).toEqual([]);
          expect(message.allowed_mentions).toEqual({ parse: [] });
          // The question is echoed only in the embed author line, which Discord does not render as markdown.
          const rendered = JSON.stringify({
            ...message,
            embeds: message.embeds.map(({ author: _author, ...rest }) => rest),
          });
          expect(rendered).not.toMatch(/(?<!\u200b)@everyone/);
          const again = composeReply(responder.respond(question, { guildId: '123456789012345678' }), {
            engine,
            crisis: FALLBACK_CRISIS_REPLY,
            surface,
          });
          expect(again).toEqual(message);
        },
      ),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
