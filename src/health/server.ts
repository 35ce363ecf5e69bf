import { createServer, type Server } from 'node:http';
import type { Metrics } from './metrics.js';

export interface HealthChecks {
  gatewayConnected(): boolean;
  knowledgeLoaded(): boolean;
  storeWritable(): boolean;
}

export interface HealthAddress {
  readonly port: number;
  /** Default 127.0.0.1: only this machine can reach it. */
  readonly host?: string;
}

export type HealthServerResult = { ok: true; server: Server } | { ok: false; message: string };

/**
 * `GET /healthz` (200 when every check passes, else 503, with the checks as JSON) and `GET /metrics`.
 * A port that is taken or an address that cannot be used is a value with one line saying so.
 */
export function startHealthServer(
  address: HealthAddress,
  checks: HealthChecks,
  metrics: Metrics,
): Promise<HealthServerResult> {
  const host = address.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/healthz') {
      const status = {
        gateway: checks.gatewayConnected(),
        knowledge: checks.knowledgeLoaded(),
        store: checks.storeWritable(),
      };
      const healthy = Object.values(status).every(Boolean);
      response.writeHead(healthy ? 200 : 503, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ status: healthy ? 'ok' : 'degraded', checks: status }));
      return;
    }
    if (request.method === 'GET' && path === '/metrics') {
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      response.end(metrics.render());
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  });
  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      server.close();
      resolve({ ok: false, message: listenFailure(error, address.port, host) });
    });
    server.listen(address.port, host, () => resolve({ ok: true, server }));
  });
}

function listenFailure(error: NodeJS.ErrnoException, port: number, host: string): string {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `HEALTH_PORT ${port} is already in use on ${host}: choose another port or stop what uses it.`;
    case 'EACCES':
      return `Not allowed to listen on ${where} (ports below 1024 need privileges): choose another HEALTH_PORT.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HEALTH_HOST ${host} is not an address of this machine: use 127.0.0.1 or 0.0.0.0.`;
    default:
      return `The health endpoint cannot listen on ${where} (${error.code ?? error.message}).`;
  }
}
