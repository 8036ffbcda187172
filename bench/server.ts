/**
 * The server every request of the benchmarks goes to: `node:http` on 127.0.0.1, answering 204
 * with keep-alive, so that what is measured is the client side of a call and not the server.
 *
 * It runs in a child process of its own. In the runner's process its request handling would
 * share the event loop with the contenders and be counted in their time per call; on its own it
 * gets the machine's other core, which on two cores is the fairest split there is.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { firstMessage, forkModule, isMain } from './child.ts';

/** A running bench server. */
export interface BenchServer {
  /** Such as `http://127.0.0.1:40123`: the base URL the contenders are given. */
  baseUrl: string;
  /** Stops the server process. */
  close(): Promise<void>;
}

/** Starts the server in a child process and resolves once it listens. */
export async function startServer(): Promise<BenchServer> {
  const child = forkModule(import.meta.filename, []);
  const { port } = await firstMessage<{ port: number }>(child, 'the bench server');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/** The token endpoint's path, as the token flow's contenders are told it. */
export const TOKEN_PATH = '/oauth2/token';
/** `GET` here answers how many token requests the server has had, as a JSON number. */
export const TOKEN_COUNT_PATH = '/token-requests';

let tokenRequests = 0;

/**
 * Answers 204 once the request body has been read (an unread body would keep the connection from
 * being reused), and 400 to a request without the two headers every contender must send, so
 * that a contender that skipped work cannot pass for a fast one. The token endpoint answers a
 * token valid 15 minutes, and counts.
 */
function answer(request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  request.once('end', () => {
    if (request.url === TOKEN_PATH) {
      tokenRequests++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ access_token: `bench-token-${tokenRequests}`, expires_in: 900 }),
      );
      return;
    }
    if (request.url === TOKEN_COUNT_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(String(tokenRequests));
      return;
    }
    const complete =
      request.headers.authorization !== undefined &&
      request.headers['x-correlation-id'] !== undefined;
    response.writeHead(complete ? 204 : 400);
    response.end();
  });
}

/** Listens on a free port and tells the parent which, until the parent says stop. */
function serve(): void {
  const server = createServer(answer);
  // Longer than any run, so that no idle connection is closed between two measurements and
  // reopened inside the next one; Node advertises it in the Keep-Alive header, which undici obeys.
  server.keepAliveTimeout = 10 * 60_000;
  server.requestTimeout = 0;

  server.listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
  let stopping = false;
  const stop = () => {
    if (stopping) {
      return;
    }
    stopping = true;
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('message', (message) => message === 'stop' && stop());
  // a runner that died without saying stop must not leave a server behind
  process.on('disconnect', stop);
}

if (isMain(import.meta.filename)) {
  serve();
}
