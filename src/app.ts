import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotConfig } from './config.js';
import { loadCore, type Core } from './core.js';
import { createBot, type Bot } from './discord/bot.js';
import { createMetrics, type Metrics } from './health/metrics.js';
import { startHealthServer } from './health/server.js';
import type { Logger } from './logger.js';

export interface App {
  readonly bot: Bot;
  readonly core: Core;
  readonly metrics: Metrics;
  /** The health endpoint's port, when HEALTH_PORT is set. */
  readonly healthPort: number | undefined;
  /** Log out of Discord, close the health endpoint and the database. */
  stop(): Promise<void>;
}

export type AppResult = { ok: true; app: App } | { ok: false; message: string };

/** Builds everything (not yet logged in): the same wiring for `npm start` and the end-to-end tests. */
export async function createApp(
  config: BotConfig,
  logger: Logger,
  options: { readonly now?: () => number } = {},
): Promise<AppResult> {
  const core = loadCore(config, { withPins: true, logger });
  if (!core.ok) return core;
  const metrics = createMetrics();
  const bot = createBot({ config, core: core.core, logger, metrics, ...options });
  let health: Server | undefined;
  if (config.healthPort !== undefined) {
    const started = await startHealthServer(
      { port: config.healthPort, host: config.healthHost },
      {
        gatewayConnected: bot.isConnected,
        knowledgeLoaded: () => core.core.engine.knowledge.articles.length > 0,
        // Pins, votes and counts share the database: writable now, and the last batch of counts went in.
        storeWritable: () => (core.core.pins?.isWritable() ?? false) && bot.recordingHealthy(),
      },
      metrics,
    );
    if (!started.ok) {
      await bot.stop();
      core.core.close();
      return started;
    }
    health = started.server;
    logger.info(
      { host: config.healthHost, port: (health.address() as AddressInfo).port },
      'health endpoint listening',
    );
  }
  return {
    ok: true,
    app: {
      bot,
      core: core.core,
      metrics,
      healthPort: health ? (health.address() as AddressInfo).port : undefined,
      async stop() {
        await bot.stop();
        health?.closeAllConnections();
        health?.close();
        core.core.close();
      },
    },
  };
}
