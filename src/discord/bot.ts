import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Status,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
} from 'discord.js';
import {
  composeArticlePage,
  composeHelp,
  composeNotice,
  composeParagraph,
  composePinsPage,
  composeReply,
  questionOfMessage,
} from '../answer/compose.js';
import { customIdSlot, decodeAction } from '../answer/custom-ids.js';
import { echoUserText } from '../answer/escape.js';
import { clampChoiceName, DISCORD_LIMITS } from '../answer/limits.js';
import type { Reply } from '../answer/responder.js';
import type { BotConfig } from '../config.js';
import type { Core } from '../core.js';
import type { Metrics } from '../health/metrics.js';
import type { Logger } from '../logger.js';
import { isModerator } from '../pins/moderators.js';
import { interactionPayload, messageReplyPayload, NO_MENTIONS, updatePayload } from './payload.js';
import { createRateLimiter, createRecentAnswers, type RateDecision } from './rate-limit.js';
import { findSections, resolveSection } from '../answer/sections.js';

export interface Bot {
  readonly client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The gateway session is up (for /healthz). */
  isConnected(): boolean;
}

export interface BotDeps {
  readonly config: BotConfig;
  readonly core: Core;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';
const PINS_UNAVAILABLE =
  'Pins are unavailable right now (the database cannot be written). Answers still work.';
const MODERATORS_ONLY = 'Only moderators can pin answers.';
const REPEAT_WINDOW_MS = 60_000;

export function createBot({ config, core, logger, metrics }: BotDeps): Bot {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_MENTIONS,
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  const { engine, responder, crisis, pins } = core;
  const limiter = createRateLimiter(config.rateLimit.questions, config.rateLimit.windowMs);
  const recentMentionAnswers = createRecentAnswers(REPEAT_WINDOW_MS);

  /** What may be logged about a reply: never a crisis message's words, other words only when configured. */
  const replyLog = (reply: Reply, source: string): Record<string, unknown> => ({
    source,
    kind: reply.kind,
    ...(reply.kind === 'answer' || reply.kind === 'pinned' ? { paragraphId: reply.answer.paragraphId } : {}),
    ...(config.logMessageContent && reply.kind !== 'crisis' ? { question: reply.question } : {}),
  });

  const moderatorCheck = (interaction: ButtonInteraction | ChatInputCommandInteraction): boolean => {
    const member = interaction.member;
    const roleIds = !member
      ? []
      : Array.isArray(member.roles)
        ? member.roles
        : [...member.roles.cache.keys()];
    return isModerator(
      { permissions: interaction.memberPermissions?.bitfield ?? null, roleIds },
      config.modRoleIds,
    );
  };

  // ---- /ask and mentions -------------------------------------------------------------------------------

  /**
   * The per-user rate limit. Working out the reply first costs well under a millisecond, and it means a
   * person in crisis always gets the resources, however fast they have been writing.
   */
  const allowedNow = (userId: string, reply: Reply): RateDecision => {
    if (reply.kind === 'crisis') return { ok: true };
    const decision = limiter.take(userId);
    if (!decision.ok) metrics.rateLimited();
    return decision;
  };

  async function handleAsk(interaction: ChatInputCommandInteraction): Promise<void> {
    const started = performance.now();
    metrics.questionAsked('slash');
    const reply = responder.respond(interaction.options.getString('question', true), {
      guildId: interaction.guildId,
    });
    const limit = allowedNow(interaction.user.id, reply);
    if (!limit.ok) {
      await interaction.reply(interactionPayload(slowDown(limit.retryAfterMs), { ephemeral: true }));
      return;
    }
    // A person in crisis is answered privately, whatever they asked for.
    const ephemeral = reply.kind === 'crisis' || (interaction.options.getBoolean('private') ?? false);
    const composed = composeReply(reply, { engine, crisis, surface: ephemeral ? 'private' : 'public' });
    await interaction.reply(interactionPayload(composed, { ephemeral }));
    metrics.answered(reply.kind);
    metrics.replyLatency((performance.now() - started) / 1000);
    logger.info(replyLog(reply, 'slash'), 'answered');
  }

  async function handleMention(message: Message): Promise<void> {
    const me = client.user;
    if (!me || message.author.bot || !message.inGuild() || !message.mentions.users.has(me.id)) return;
    // A reply to one of our answers pings us without being a question ("thanks!"): only an explicit
    // @mention in the text asks something.
    const explicitMention = new RegExp(`<@!?${me.id}>`, 'g');
    if (!explicitMention.test(message.content)) return;
    const started = performance.now();
    metrics.questionAsked('mention');
    const question = message.content.replace(explicitMention, ' ');
    const reply = responder.respond(question, { guildId: message.guildId });
    const limit = allowedNow(message.author.id, reply);
    if (!limit.ok) {
      await message.reply(messageReplyPayload(slowDown(limit.retryAfterMs)));
      return;
    }
    // The same answer in the same channel a moment ago: point to it rather than post it again.
    const repeatKey =
      reply.kind === 'crisis' ? undefined : `${message.channelId}:${reply.kind}:${replyTarget(reply)}`;
    const earlier = repeatKey ? recentMentionAnswers.find(repeatKey) : undefined;
    if (earlier) {
      await message.reply(
        messageReplyPayload(
          composeNotice(`I answered that a moment ago, right under this question: ${earlier}`),
        ),
      );
      metrics.answered('repeat');
      return;
    }
    // Remembered before sending, so a second mention arriving while the reply is in flight is caught too.
    if (repeatKey) recentMentionAnswers.remember(repeatKey, message.url);
    const composed = composeReply(reply, { engine, crisis, surface: 'public' });
    await message.reply(messageReplyPayload(composed));
    metrics.answered(reply.kind);
    metrics.replyLatency((performance.now() - started) / 1000);
    logger.info(replyLog(reply, 'mention'), 'answered');
  }

  // ---- /article, /help ---------------------------------------------------------------------------------

  async function handleArticle(interaction: ChatInputCommandInteraction): Promise<void> {
    const requested = interaction.options.getString('section');
    const firstArticle = engine.knowledge.articles[0];
    const target = requested
      ? resolveSection(engine, requested)
      : firstArticle && { articleId: firstArticle.id };
    if (!target) {
      const notice = composeNotice(
        `There is no section called “${echoUserText(requested ?? '', 100)}”. Pick one from the list, or use /article on its own.`,
      );
      await interaction.reply(interactionPayload(notice, { ephemeral: true }));
      return;
    }
    const page = composeArticlePage(engine, target.articleId, target.sectionId, 0);
    await interaction.reply(interactionPayload(page, { ephemeral: true }));
  }

  // ---- buttons -----------------------------------------------------------------------------------------

  async function handleButton(interaction: ButtonInteraction): Promise<void> {
    const action = decodeAction(interaction.customId);
    if (!action) {
      await interaction.reply(
        interactionPayload(composeNotice('This button no longer works.'), { ephemeral: true }),
      );
      return;
    }
    switch (action.type) {
      case 'article':
      case 'section': {
        const page = composeArticlePage(
          engine,
          action.articleId,
          action.type === 'section' ? action.sectionId : undefined,
          action.page,
        );
        // ◀ Prev / Next ▶ turn the page in place; "Read the full section" opens a private page.
        if (customIdSlot(interaction.customId)) await interaction.update(updatePayload(page));
        else await interaction.reply(interactionPayload(page, { ephemeral: true }));
        return;
      }
      case 'alternative': {
        const composed = composeParagraph(
          engine,
          questionOfMessage(interaction.message.embeds),
          action.articleId,
          action.paragraphId,
        );
        await interaction.reply(interactionPayload(composed, { ephemeral: true }));
        return;
      }
      case 'pin':
        await handlePinButton(interaction, action.articleId, action.paragraphId);
        return;
      case 'pins-page': {
        if (!moderatorCheck(interaction) || !interaction.guildId) {
          await interaction.reply(interactionPayload(composeNotice(MODERATORS_ONLY), { ephemeral: true }));
          return;
        }
        const listed = pins?.listPins(interaction.guildId);
        const composed = listed?.ok
          ? composePinsPage(engine, listed.value, action.page)
          : composeNotice(PINS_UNAVAILABLE);
        await interaction.update(updatePayload(composed));
        return;
      }
    }
  }

  async function handlePinButton(
    interaction: ButtonInteraction,
    articleId: string,
    paragraphId: string,
  ): Promise<void> {
    // Rights are checked on every click: a button outlives the moment it was shown.
    if (!interaction.inGuild() || !moderatorCheck(interaction)) {
      metrics.pinAction('refused');
      await interaction.reply(interactionPayload(composeNotice(MODERATORS_ONLY), { ephemeral: true }));
      return;
    }
    if (!pins) {
      await interaction.reply(interactionPayload(composeNotice(PINS_UNAVAILABLE), { ephemeral: true }));
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const message = interaction.message;
    const isPrivateAnswer = message.flags.has(MessageFlags.Ephemeral);
    const stored = pins.pinAnswer({
      guildId: interaction.guildId,
      question: questionOfMessage(message.embeds),
      articleId,
      paragraphId,
      pinnedBy: interaction.user.id,
      messageUrl: isPrivateAnswer ? null : message.url,
    });
    if (!stored.ok) {
      metrics.pinAction(stored.reason);
      const text =
        stored.reason === 'unavailable' ? PINS_UNAVAILABLE : 'That answer is no longer in the article.';
      await interaction.editReply(updatePayload(composeNotice(text)));
      return;
    }
    metrics.pinAction(stored.created ? 'created' : 'existing');
    const channelNote = isPrivateAnswer
      ? ' This answer was private, so there is no channel message to pin.'
      : await pinInChannel(message);
    const opening = stored.created
      ? '📌 Pinned. Similar questions in this server will get this answer first.'
      : '📌 This answer was already pinned.';
    await interaction.editReply(updatePayload(composeNotice(`${opening}${channelNote}`)));
    logger.info(
      { guildId: interaction.guildId, pinId: stored.pin.id, created: stored.created },
      'pinned answer',
    );
  }

  /** The stored pin is what matters; a failed channel pin is explained, not fatal. */
  async function pinInChannel(message: Message): Promise<string> {
    try {
      await client.rest.put(`/channels/${message.channelId}/messages/pins/${message.id}`);
      return '';
    } catch (error) {
      logger.warn({ err: error, channelId: message.channelId }, 'channel pin failed');
      if (error instanceof DiscordAPIError && error.code === 30003) {
        return ' The pinned answer is saved, but this channel has reached Discord’s limit of 250 pinned messages, so the message itself was not pinned.';
      }
      if (error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001)) {
        return ' The pinned answer is saved, but I lack the Pin Messages permission in this channel, so the message itself was not pinned.';
      }
      return ' The pinned answer is saved, but Discord did not pin the message itself.';
    }
  }

  // ---- /pins -------------------------------------------------------------------------------------------

  async function handlePins(interaction: ChatInputCommandInteraction): Promise<void> {
    if (!interaction.inGuild() || !moderatorCheck(interaction)) {
      await interaction.reply(
        interactionPayload(composeNotice('Only moderators can manage pinned answers.'), { ephemeral: true }),
      );
      return;
    }
    if (!pins) {
      await interaction.reply(interactionPayload(composeNotice(PINS_UNAVAILABLE), { ephemeral: true }));
      return;
    }
    const guildId = interaction.guildId;
    const subcommand = interaction.options.getSubcommand(true);
    if (subcommand === 'list') {
      const listed = pins.listPins(guildId);
      const composed = listed.ok ? composePinsPage(engine, listed.value, 0) : composeNotice(PINS_UNAVAILABLE);
      await interaction.reply(interactionPayload(composed, { ephemeral: true }));
      return;
    }
    if (subcommand === 'remove') {
      const id = interaction.options.getInteger('pin', true);
      const removed = pins.removePin(guildId, id, interaction.user.id);
      const text = !removed.ok
        ? PINS_UNAVAILABLE
        : removed.value
          ? `Removed pinned answer #${id} (“${echoUserText(removed.value.question, 200)}”). The engine answers that question again.`
          : `There is no pinned answer #${id} in this server.`;
      metrics.pinAction(removed.ok && removed.value ? 'removed' : 'remove-failed');
      await interaction.reply(interactionPayload(composeNotice(text), { ephemeral: true }));
      return;
    }
    // add
    const question = interaction.options.getString('question', true);
    const target = resolveSection(engine, interaction.options.getString('section', true));
    const section = target?.sectionId ? engine.findSection(target.articleId, target.sectionId) : undefined;
    if (!target || !section) {
      await interaction.reply(
        interactionPayload(composeNotice('Pick the section from the list.'), { ephemeral: true }),
      );
      return;
    }
    // Of the section's paragraphs, the one the engine ranks best for this question.
    const ranked = engine.explain(question).find((entry) => entry.sectionId === section.id);
    const paragraphId = ranked?.paragraphId ?? section.paragraphs[0]?.id ?? '';
    const stored = pins.pinAnswer({
      guildId,
      question,
      articleId: target.articleId,
      paragraphId,
      pinnedBy: interaction.user.id,
      messageUrl: null,
    });
    const text = !stored.ok
      ? stored.reason === 'unavailable'
        ? PINS_UNAVAILABLE
        : 'That section is no longer in the article.'
      : `📌 ${stored.created ? 'Pinned' : 'Already pinned'}: questions like “${echoUserText(question, 200)}” get “${section.heading}”.`;
    metrics.pinAction(stored.ok ? (stored.created ? 'created' : 'existing') : stored.reason);
    await interaction.reply(interactionPayload(composeNotice(text), { ephemeral: true }));
  }

  // ---- autocomplete ------------------------------------------------------------------------------------

  async function handleAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value);
    if (focused.name === 'section') {
      await interaction.respond(
        findSections(engine, typed)
          .slice(0, DISCORD_LIMITS.choices)
          .map((entry) => ({ name: clampChoiceName(entry.label), value: entry.value })),
      );
      return;
    }
    if (focused.name === 'pin' && interaction.guildId && pins) {
      const listed = pins.listPins(interaction.guildId);
      const needle = typed.toLowerCase();
      const choices = (listed.ok ? listed.value : [])
        .filter(({ pin }) => !needle || `#${pin.id} ${pin.question}`.toLowerCase().includes(needle))
        .slice(0, DISCORD_LIMITS.choices)
        .map(({ pin, staleness }) => ({
          name: clampChoiceName(`#${pin.id} ${staleness === 'fresh' ? '' : '(stale) '}${pin.question}`),
          value: pin.id,
        }));
      await interaction.respond(choices);
      return;
    }
    await interaction.respond([]);
  }

  // ---- dispatch and the error boundary ------------------------------------------------------------------

  async function route(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) {
      switch (interaction.commandName) {
        case 'ask':
          return handleAsk(interaction);
        case 'article':
          return handleArticle(interaction);
        case 'help':
          return void (await interaction.reply(interactionPayload(composeHelp(engine), { ephemeral: true })));
        case 'pins':
          return handlePins(interaction);
        default:
          await interaction.reply(
            interactionPayload(composeNotice('I don’t know that command any more.'), { ephemeral: true }),
          );
          return;
      }
    }
    if (interaction.isButton()) return handleButton(interaction);
    if (interaction.isAutocomplete()) return handleAutocomplete(interaction);
  }

  /** One boundary: log what went wrong, tell the person briefly and privately, keep running. */
  async function guardInteraction(interaction: Interaction): Promise<void> {
    try {
      await route(interaction);
    } catch (error) {
      metrics.errors();
      logger.error(
        { err: error, interactionId: interaction.id, type: interaction.type },
        'interaction failed',
      );
      if (!interaction.isRepliable()) return;
      try {
        const apology = interactionPayload(composeNotice(APOLOGY), { ephemeral: true });
        if (interaction.replied || interaction.deferred) await interaction.followUp(apology);
        else await interaction.reply(apology);
      } catch (apologyError) {
        logger.warn({ err: apologyError, interactionId: interaction.id }, 'could not send the apology');
      }
    }
  }

  async function guardMessage(message: Message): Promise<void> {
    try {
      await handleMention(message);
    } catch (error) {
      metrics.errors();
      logger.error(
        { err: error, messageId: message.id, channelId: message.channelId },
        'mention reply failed',
      );
    }
  }

  client.on(Events.InteractionCreate, (interaction) => void guardInteraction(interaction));
  client.on(Events.MessageCreate, (message) => void guardMessage(message));
  client.on(Events.ClientReady, (ready) =>
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord'),
  );
  client.on(Events.ShardResume, () => logger.info('gateway session resumed'));
  client.on(Events.ShardDisconnect, (event) => logger.warn({ code: event.code }, 'gateway disconnected'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));

  return {
    client,
    async start() {
      await client.login(config.token);
    },
    async stop() {
      await client.destroy();
    },
    isConnected: () => client.ws.status === Status.Ready,
  };
}

function slowDown(retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return composeNotice(`You’re asking faster than I can keep up. Please wait ${seconds}s and ask again.`);
}

function replyTarget(reply: Reply): string {
  if (reply.kind === 'answer' || reply.kind === 'pinned') return reply.answer.paragraphId;
  return reply.kind === 'no-match' ? reply.noMatch.reason : '';
}
