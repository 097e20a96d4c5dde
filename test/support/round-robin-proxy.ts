/**
 * A small HTTP reverse proxy in front of several API replicas, as nginx is in docker-compose.yml:
 * round-robin over the upstreams, keep-alive to each, and `X-Forwarded-For` set to the caller's
 * socket address (the replicas run with TRUST_PROXY=loopback). Test controls, removed before
 * forwarding: `x-replica: <i>` sends the request to upstream i; `x-drop-answer: 1` forwards it but
 * cuts the caller's connection instead of relaying the answer (the stored-but-unanswered case a
 * client retries). Each answer carries `x-served-by: <i>`, and `served[i]` counts requests per upstream.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreamPorts: number[], host = '127.0.0.1'): Promise<RoundRobinProxy> {
  const agents = upstreamPorts.map(() => new http.Agent({ keepAlive: true, maxSockets: 64 }));
  const served = upstreamPorts.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const pinned = req.headers['x-replica'];
    const i = pinned === undefined ? next++ % upstreamPorts.length : Number(pinned);
    const drop = req.headers['x-drop-answer'] === '1';
    const headers: http.OutgoingHttpHeaders = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
    delete headers['x-replica'];
    delete headers['x-drop-answer'];
    served[i] = (served[i] ?? 0) + 1;
    const upstream = http.request(
      { host, port: upstreamPorts[i], method: req.method, path: req.url, headers, agent: agents[i] },
      (answer) => {
        if (drop) {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': String(i) });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"BAD_GATEWAY"}}');
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const a of agents) a.destroy();
        server.close(() => resolve());
      }),
  };
}
