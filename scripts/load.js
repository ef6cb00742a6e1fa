#!/usr/bin/env node
/**
 * `npm run load`: a load test of the server's proxy and local webhooks.
 *
 * It starts a slow receiver on loopback (it answers "1" after --delay ms, 200 by default), starts the
 * server (`node server/standalone.js` on a free loopback port, with WEBHOOK_ALLOW naming the receiver),
 * then sends --cards cards (500) --concurrency at a time (50) through `POST /api/send` to the receiver,
 * and as many again straight to the local connector inboxes and Workflows webhooks. It prints, for each
 * phase, the throughput, the latency (p50, p95, max), the answers by status and the errors, and the peak
 * resident memory (RSS) of each server process.
 *
 *   node scripts/load.js                      one instance, in-memory state
 *   node scripts/load.js --instances 2        two instances sharing a redis-server started for the run
 *                                             (requests alternate between them, as a load balancer would)
 *   node scripts/load.js --target http://host:port[,http://other:port]
 *                                             an already running server: only the local webhooks are
 *                                             loaded unless --send-to names a webhook URL it may reach
 *
 * The per-client limit: every request comes from one address, so a limit would turn the run into a
 * count of 429s. The servers this script starts listen on 127.0.0.1, where the limit is off by default,
 * and it passes CLIENT_LIMIT=off to say so. Against --target, 429 answers are counted apart ("limited")
 * and the script says that the figures are then the limit's, not the server's.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    instances: { type: 'string', default: '1' },
    cards: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '50' },
    delay: { type: 'string', default: '200' },
    target: { type: 'string' },
    'send-to': { type: 'string' },
    'redis-server': { type: 'string', default: process.env.REDIS_SERVER ?? '/usr/bin/redis-server' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  process.stdout.write(`${readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]}*/\n`);
  process.exit(0);
}

const CARDS = Number(args.cards);
const CONCURRENCY = Number(args.concurrency);
const DELAY_MS = Number(args.delay);
const INSTANCES = Number(args.instances);
const SERVER = fileURLToPath(new URL('../server/standalone.js', import.meta.url));

/** @type {(() => void)[]} */
const cleanups = [];
async function cleanUp() {
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch {
      // already gone
    }
  }
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

async function freePort() {
  const probe = createNetServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(resolve));
  return address.port;
}

/** The slow receiver: reads the card, answers "1" after DELAY_MS. */
async function startReceiver() {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      setTimeout(() => res.end('1'), DELAY_MS);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  cleanups.push(() => server.close());
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return { origin: `http://127.0.0.1:${port}`, received: () => received };
}

/** @param {string} binary */
async function startRedis(binary) {
  if (!existsSync(binary)) throw new Error(`redis-server is missing (${binary}); apt-get install redis-server`);
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => child.kill('SIGTERM'));
  let output = '';
  await new Promise((resolve, reject) => {
    const read = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve(undefined);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, pid: /** @type {number} */ (child.pid) };
}

/**
 * Starts one `npm start` server; counts its JSON log lines and checks that none holds the secret path.
 * @param {Record<string, string>} env
 */
async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', CLIENT_LIMIT: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => child.kill('SIGTERM'));
  const log = { lines: 0, leaks: 0 };
  let buffer = '';
  /** @type {() => void} */
  let ready = () => {};
  const started = new Promise((resolve) => (ready = () => resolve(undefined)));
  child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('MessageCard Designer on')) ready();
      if (!line.startsWith('{')) continue;
      log.lines++;
      if (/secret/.test(line)) log.leaks++;
    }
  });
  await Promise.race([
    started,
    new Promise((_, reject) => child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)))),
  ]);
  return { url: `http://127.0.0.1:${port}`, pid: /** @type {number} */ (child.pid), log, child };
}

/** Samples the resident memory of the processes every 50 ms; returns the peak of each in MB. */
function sampleMemory(/** @type {Record<string, number>} */ pids) {
  /** @type {Record<string, number>} */
  const peak = {};
  const read = () => {
    for (const [name, pid] of Object.entries(pids)) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak[name] = Math.max(peak[name] ?? 0, kb / 1024);
      } catch {
        // not Linux, or the process is gone
      }
    }
  };
  read();
  const timer = setInterval(read, 50);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

/**
 * CPU seconds (user + system) the server processes have used so far: a figure that, unlike the
 * latencies, does not depend much on what else the machine is doing. Linux only (0 elsewhere).
 * @param {number[]} pids
 */
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    } catch {
      // not Linux, or the process is gone
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** @type {number[]} the server processes, for cpuSeconds */
let serverPids = [];

/**
 * Runs `count` requests, `concurrency` at a time, and measures them.
 * @param {number} count
 * @param {(index: number) => Promise<number>} one resolves to the HTTP status
 */
async function phase(count, one) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {Record<string, number>} */
  const statuses = {};
  let errors = 0;
  let next = 0;
  const cpuBefore = cpuSeconds(serverPids);
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const index = next++;
      const t = performance.now();
      try {
        const status = await one(index);
        statuses[status] = (statuses[status] ?? 0) + 1;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (/** @type {number} */ q) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
  const cpu = cpuSeconds(serverPids) - cpuBefore;
  return { count, seconds, rps: count / seconds, p50: at(0.5), p95: at(0.95), max: at(1), statuses, errors, cpu };
}

const CARD = {
  '@type': 'MessageCard',
  '@context': 'https://schema.org/extensions',
  summary: 'Load test',
  title: 'Load test card',
  text: 'A card of ordinary size. '.repeat(40),
  sections: [{ facts: Array.from({ length: 10 }, (_, i) => ({ name: `Fact ${i}`, value: `Value ${i}` })) }],
};

/** Keep-alive connections, as many as requests in flight: the client costs little CPU of its own. */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/**
 * Posts JSON and resolves to the status once the answer is read.
 * @param {string} url
 * @param {unknown} body
 * @returns {Promise<number>}
 */
function postJson(url, body) {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': bytes.length } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

/** @param {string} title @param {Awaited<ReturnType<typeof phase>>} r */
function report(title, r) {
  const statuses = Object.entries(r.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  const line = [
    `${title}: ${r.count} requests, ${CONCURRENCY} at a time, in ${r.seconds.toFixed(2)} s`,
    `  throughput ${r.rps.toFixed(0)} requests/s; latency p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, max ${r.max.toFixed(0)} ms`,
    ...(r.cpu > 0
      ? [`  server CPU ${r.cpu.toFixed(2)} s in all (${((r.cpu * 1000) / r.count).toFixed(1)} ms a request)`]
      : []),
    `  answers ${statuses || 'none'}; errors ${r.errors}${r.statuses[429] ? ` (limited: ${r.statuses[429]}: these figures measure the per-client limit)` : ''}`,
  ];
  process.stdout.write(`${line.join('\n')}\n`);
}

async function main() {
  const receiver = await startReceiver();
  /** @type {string[]} */
  let bases;
  /** @type {Record<string, number>} */
  const pids = {};
  /** @type {{ lines: number, leaks: number }[]} */
  const logs = [];
  let sendTo = args['send-to'];
  if (args.target) {
    bases = args.target.split(',').map((u) => u.trim().replace(/\/$/, ''));
  } else {
    /** @type {Record<string, string>} */
    const env = { WEBHOOK_ALLOW: receiver.origin };
    if (INSTANCES > 1) {
      const redis = await startRedis(args['redis-server']);
      env.REDIS_URL = redis.url;
      env.REDIS_PREFIX = `load-${process.pid}:`;
      pids['redis-server'] = redis.pid;
    }
    const servers = [];
    for (let i = 0; i < INSTANCES; i++) servers.push(await startServer(env));
    servers.forEach((s, i) => {
      pids[`server ${i + 1}`] = s.pid;
      logs.push(s.log);
    });
    bases = servers.map((s) => s.url);
    serverPids = servers.map((s) => s.pid);
    sendTo ??= `${receiver.origin}/webhookb2/secret-id/IncomingWebhook/secret-path?sig=secret`;
  }
  const base = (/** @type {number} */ i) => /** @type {string} */ (bases[i % bases.length]);
  process.stdout.write(
    `Load: ${bases.length} instance(s)${INSTANCES > 1 && !args.target ? ' sharing a redis-server' : ''}, receiver answering after ${DELAY_MS} ms\n`,
  );

  const memory = sampleMemory(pids);
  if (sendTo) {
    const target = sendTo;
    report(
      'Through the proxy (/api/send)',
      await phase(CARDS, (i) => postJson(`${base(i)}/api/send`, { url: target, payload: CARD })),
    );
  }
  // Half to connector inboxes (Teams throttles 4 a second per name, so the names are many), half to Workflows webhooks.
  const local = await phase(CARDS, (i) =>
    i % 2 === 0
      ? postJson(`${base(i)}/api/inbox/load-${(i / 2) % 125}`, CARD)
      : postJson(`${base(i)}/api/workflows/load-${((i - 1) / 2) % 50}`, {
          type: 'message',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.adaptive',
              content: { type: 'AdaptiveCard', version: '1.4', body: [] },
            },
          ],
        }),
  );
  report('Local inboxes and Workflows webhooks', local);
  const peak = memory.stop();

  // What one instance took, another lists.
  const runs = /** @type {unknown[]} */ (await (await fetch(`${base(bases.length - 1)}/api/workflows`)).json());
  process.stdout.write(`Workflows runs listed by instance ${bases.length}: ${runs.length}\n`);
  if (Object.keys(peak).length > 0) {
    process.stdout.write(
      `Peak memory (RSS): ${Object.entries(peak)
        .map(([name, mb]) => `${name} ${mb.toFixed(0)} MB`)
        .join(', ')}\n`,
    );
  }
  if (sendTo && !args.target) process.stdout.write(`Receiver got ${receiver.received()} cards\n`);
  if (logs.length > 0) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = logs.reduce((n, l) => n + l.lines, 0);
    const leaks = logs.reduce((n, l) => n + l.leaks, 0);
    process.stdout.write(`Server log: ${lines} JSON lines, ${leaks} with a webhook URL's secret part\n`);
  }
}

main()
  .then(cleanUp, async (error) => {
    await cleanUp();
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exitCode = 1;
  })
  .then(() => setTimeout(() => process.exit(), 100));
