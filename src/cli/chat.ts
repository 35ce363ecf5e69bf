/**
 * `npm run chat [-- --guild <id>]`: talk to the bot in the terminal, no Discord token needed. Same engine,
 * same composer as the bot; `/article [section]` prints the article, a number follows a "Did you mean"
 * offer, `/quit` exits.
 */
import { createInterface } from 'node:readline';
import {
  composeParagraph,
  composeArticlePage,
  composeHelp,
  composeReply,
  articlePageCount,
  type ComposedMessage,
} from '../answer/compose.js';
import { decodeAction } from '../answer/custom-ids.js';
import { resolveSection } from '../answer/sections.js';
import { renderText } from '../answer/render-text.js';
import { fail, parseCliArgs, startCli } from './setup.js';

const parsed = parseCliArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.message);
const core = startCli(parsed.options);
const { engine } = core;
const context = { guildId: parsed.options.guildId };

const terminal = createInterface({
  input: process.stdin,
  output: process.stdout,
  terminal: process.stdin.isTTY,
});
let offers: { articleId: string; paragraphId: string }[] = [];

const show = (message: ComposedMessage): void => {
  offers = message.components
    .flatMap((row) => row.components)
    .flatMap((component) => {
      const action =
        component.type === 2 && 'custom_id' in component ? decodeAction(component.custom_id) : undefined;
      return action?.type === 'alternative'
        ? [{ articleId: action.articleId, paragraphId: action.paragraphId }]
        : [];
    });
  console.log(`\n${renderText(message)}\n`);
};

const printArticle = (sectionQuery: string): void => {
  const firstArticle = engine.knowledge.articles[0];
  const target = sectionQuery
    ? resolveSection(engine, sectionQuery)
    : firstArticle && { articleId: firstArticle.id };
  if (!target) {
    console.log(`\nNo section matches "${sectionQuery}". Try /article on its own to see them all.\n`);
    return;
  }
  const pages = articlePageCount(engine, target.articleId, target.sectionId);
  for (let page = 0; page < pages; page++)
    show(composeArticlePage(engine, target.articleId, target.sectionId, page));
};

const titles = engine.knowledge.articles.map((article) => `"${article.title}"`).join(', ');
console.log(`boundary-bot — ask about ${titles}. /article to read it, /help, /quit to leave.`);

terminal.setPrompt('you> ');
terminal.prompt();
// Iterating the interface (rather than question()) keeps lines that arrive together, as when piped.
for await (const rawLine of terminal) {
  const line = rawLine.trim();
  if (line === '/quit' || line === '/exit') break;
  if (line === '/help') show(composeHelp(engine));
  else if (line === '/article' || line.startsWith('/article '))
    printArticle(line.slice('/article'.length).trim());
  else if (/^\d$/.test(line) && offers[Number(line) - 1]) {
    const offer = offers[Number(line) - 1];
    if (offer) show(composeParagraph(engine, '', offer.articleId, offer.paragraphId));
  } else {
    const reply = core.responder.respond(line, context);
    show(composeReply(reply, { engine, crisis: core.crisis, surface: 'private' }));
  }
  terminal.prompt();
}
terminal.close();
core.close();
