/**
 * A pass-through HTTP proxy in front of the emulator that counts the database calls going through it,
 * by wire action (database.getDocument, database.insertDocument, ...). Point TCB_SERVICE_URL at `url`
 * and every node-sdk call of a function is counted where it lands — one SDK call, one request — without
 * touching the emulator. Used by the reflections tests (call budgets) and `npm run bench`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestCounter {
  url: string;
  /** Requests seen since the last reset, by action. */
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

function actionOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { action?: unknown };
    return typeof parsed.action === 'string' ? parsed.action : 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function startRequestCounter(targetUrl: string): Promise<RequestCounter> {
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let seen: Record<string, number> = {};
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const action = actionOf(body.toString('utf8'));
      seen[action] = (seen[action] ?? 0) + 1;
      const forward = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    counts: () => ({ ...seen }),
    total: () => Object.values(seen).reduce((sum, n) => sum + n, 0),
    reset: () => {
      seen = {};
    },
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
