/**
 * `npm run ask -- "question"` prints one answer as the bot would give it.
 * `npm run --silent ask -- --json [--guild <id>]` reads questions one per line from stdin and writes exactly
 * one JSON object per line to stdout (see AskJsonLine), nothing else.
 * `npm run ask -- --explain "question"` also prints why the engine chose its answer (words as read,
 * corrections, terms, per-field contributions of the top three paragraphs, confidence and threshold).
 */
import { createInterface } from 'node:readline';
import { composeReply } from '../answer/compose.js';
import { toJsonLine } from '../answer/json-line.js';
import { renderText } from '../answer/render-text.js';
import { formatTrace } from '../engine/engine.js';
import { fail, parseCliArgs, startCli } from './setup.js';

const parsed = parseCliArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.message);
const { options } = parsed;
const core = startCli(options);
const context = { guildId: options.guildId };

if (options.json) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const question = line.replace(/\r$/, '');
    process.stdout.write(
      `${JSON.stringify(toJsonLine(question, core.responder.respond(question, context)))}\n`,
    );
  }
} else {
  const question = options.rest.join(' ');
  if (!question.trim())
    fail('Usage: npm run ask -- "your question"   (or --json to read questions from stdin)');
  const reply = core.responder.respond(question, context);
  console.log(
    renderText(composeReply(reply, { engine: core.engine, crisis: core.crisis, surface: 'private' })),
  );
  if (options.explain) {
    console.log('\n--- why this answer ---');
    // The crisis check runs before the engine; its words are never echoed, so neither is a trace.
    if (reply.kind === 'crisis') console.log('the crisis check answered first; the engine was not consulted');
    else {
      if (reply.kind === 'pinned') console.log("a moderator's pin answered first; the engine would say:\n");
      console.log(formatTrace(core.engine.trace(question)));
    }
  }
}
core.close();
