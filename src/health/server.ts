import { createServer, type Server } from 'node:http';
import type { Metrics } from './metrics.js';

export interface HealthChecks {
  gatewayConnected(): boolean;
  knowledgeLoaded(): boolean;
  storeWritable(): boolean;
}

/** `GET /healthz` (200 when every check passes, else 503, with the checks as JSON) and `GET /metrics`. */
export function startHealthServer(port: number, checks: HealthChecks, metrics: Metrics): Promise<Server> {
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
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
