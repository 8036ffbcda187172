/**
 * A real HTTP server on loopback for the command line's tests: it answers the two account
 * operations, and records every request with the time it arrived and was answered, so that a
 * test can count requests per account and per correlation id, the requests in flight at once,
 * and the requests in any one second.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the server received it. */
export interface CountedRequest {
  method: string;
  /** `register` for PUT .../accounts/{id}, `delete` for POST .../operations:delete. */
  operation: 'register' | 'delete' | 'other';
  issuerId: string;
  accountId: string;
  correlationId: string | undefined;
  authorization: string | undefined;
  body: string;
  /** When it arrived, in milliseconds on this process's monotonic clock. */
  arrivedAt: number;
  /** The status it was answered with, once answered. */
  status?: number;
}

/** What the server answers to one request. */
export interface Answer {
  status: number;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  headers?: Record<string, string>;
}

/** Options of {@link startCountingServer}. */
export interface CountingServerOptions {
  /** The answer to a request, decided when it arrives (default: 204 at once). */
  answer?: (request: CountedRequest, server: CountingServer) => Answer;
}

/** A running counting server. */
export interface CountingServer {
  url: string;
  /** Every request so far, in the order they arrived. */
  requests: CountedRequest[];
  /** Requests received and not yet answered. */
  readonly inFlight: number;
  /** The most requests that were in flight at once. */
  readonly maxInFlight: number;
  /** The most requests that arrived within any one second (a sliding window). */
  maxInAnySecond(): number;
  /** Replaces the answer function. */
  answerWith(answer: NonNullable<CountingServerOptions['answer']>): void;
  /** Forgets the requests and the peak, for the next case. */
  reset(): void;
  close(): Promise<void>;
}

const ACCOUNT_PATH = /^\/issuers\/([^/]+)\/accounts\/([^/]+?)(\/operations:delete)?$/;

/** Starts the server on a free loopback port. */
export async function startCountingServer(
  options: CountingServerOptions = {},
): Promise<CountingServer> {
  let answer: NonNullable<CountingServerOptions['answer']> =
    options.answer ?? (() => ({ status: 204 }));
  const requests: CountedRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    const match = ACCOUNT_PATH.exec(path);
    const counted: CountedRequest = {
      method: request.method!,
      operation:
        match === null
          ? 'other'
          : match[3] !== undefined && request.method === 'POST'
            ? 'delete'
            : request.method === 'PUT'
              ? 'register'
              : 'other',
      issuerId: match?.[1] ?? '',
      accountId: match?.[2] ?? '',
      correlationId: header(request, 'x-correlation-id'),
      authorization: header(request, 'authorization'),
      body: '',
      arrivedAt: performance.now(),
    };
    requests.push(counted);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let ended = false;
    const end = () => {
      if (!ended) {
        ended = true;
        inFlight--;
      }
    };
    response.on('close', end);

    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (counted.body += chunk));
    request.on('end', () => {
      const { status, delayMs = 0, headers = {} } = answer(counted, server);
      const send = () => {
        counted.status = status;
        const body = status === 204 ? '' : JSON.stringify({ error: `answered ${status}` });
        response.writeHead(status, {
          ...(body === '' ? {} : { 'content-type': 'application/json' }),
          ...headers,
        });
        // the peak counts a request as in flight until its answer is on its way
        end();
        response.end(body);
      };
      if (delayMs > 0) {
        setTimeout(send, delayMs);
      } else {
        send();
      }
    });
  };

  const http = createServer(handle);
  http.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  const server: CountingServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    maxInAnySecond() {
      const times = requests.map((request) => request.arrivedAt).sort((a, b) => a - b);
      let most = 0;
      let first = 0;
      for (let last = 0; last < times.length; last++) {
        while (times[last]! - times[first]! >= 1000) {
          first++;
        }
        most = Math.max(most, last - first + 1);
      }
      return most;
    },
    answerWith(next) {
      answer = next;
    },
    reset() {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        http.close(() => resolve());
      }),
  };
  return server;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
