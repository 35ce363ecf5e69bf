import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, test } from 'vitest';
import { createMetrics } from '../../src/health/metrics.js';
import { startHealthServer, type HealthChecks } from '../../src/health/server.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function start(checks: HealthChecks) {
  const metrics = createMetrics();
  const started = await startHealthServer({ port: 0 }, checks, metrics);
  if (!started.ok) throw new Error(started.message);
  const server = started.server;
  servers.push(server);
  const address = server.address() as AddressInfo;
  expect(address.address).toBe('127.0.0.1');
  return { base: `http://127.0.0.1:${address.port}`, metrics };
}

const healthy: HealthChecks = {
  gatewayConnected: () => true,
  knowledgeLoaded: () => true,
  storeWritable: () => true,
};

describe('GIVEN a health server', () => {
  it('WHEN every check passes THEN /healthz is 200 with the checks as JSON', async () => {
    const { base } = await start(healthy);
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      status: 'ok',
      checks: { gateway: true, knowledge: true, store: true },
    });
  });

  test.each([
    [
      'the gateway is down',
      { ...healthy, gatewayConnected: () => false },
      { gateway: false, knowledge: true, store: true },
    ],
    [
      'the store is read-only',
      { ...healthy, storeWritable: () => false },
      { gateway: true, knowledge: true, store: false },
    ],
    [
      'knowledge is missing',
      { ...healthy, knowledgeLoaded: () => false },
      { gateway: true, knowledge: false, store: true },
    ],
  ])('WHEN %s THEN /healthz is 503 and says which check failed', async (_name, checks, expected) => {
    const { base } = await start(checks);
    const response = await fetch(`${base}/healthz?verbose=1`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded', checks: expected });
  });

  it('WHEN checks change THEN /healthz follows them on the next request', async () => {
    let connected = false;
    const { base } = await start({ ...healthy, gatewayConnected: () => connected });
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    connected = true;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('WHEN /metrics is requested THEN it is the metrics text, current at that moment', async () => {
    const { base, metrics } = await start(healthy);
    metrics.questionAsked('mention');
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toBe(metrics.render());
    expect(text).toContain('boundary_bot_questions_total{source="mention"} 1');
  });

  test.each([
    ['GET', '/'],
    ['GET', '/health'],
    ['GET', '/healthz/extra'],
    ['POST', '/healthz'],
    ['DELETE', '/metrics'],
  ])('WHEN %s %s is requested THEN it is 404', async (method, path) => {
    const { base } = await start(healthy);
    const response = await fetch(`${base}${path}`, { method });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not found');
  });
});

describe('GIVEN a port already in use', () => {
  it('WHEN a second server starts on it THEN it is a value with one line naming the port, not an exception', async () => {
    const { base } = await start(healthy);
    const port = Number(new URL(base).port);
    const second = await startHealthServer({ port }, healthy, createMetrics());
    expect(second).toEqual({
      ok: false,
      message: `HEALTH_PORT ${port} is already in use on 127.0.0.1: choose another port or stop what uses it.`,
    });
  });
});

describe('GIVEN HEALTH_HOST', () => {
  it('WHEN it is an address of this machine THEN the server listens there', async () => {
    const started = await startHealthServer({ port: 0, host: '127.0.0.1' }, healthy, createMetrics());
    if (!started.ok) throw new Error(started.message);
    servers.push(started.server);
    expect((started.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('WHEN it is not an address of this machine THEN one line says so', async () => {
    // 192.0.2.1 is TEST-NET-1: never assigned to a real machine, so binding fails without any traffic.
    const started = await startHealthServer({ port: 0, host: '192.0.2.1' }, healthy, createMetrics());
    expect(started).toEqual({
      ok: false,
      message: 'HEALTH_HOST 192.0.2.1 is not an address of this machine: use 127.0.0.1 or 0.0.0.0.',
    });
  });
});
