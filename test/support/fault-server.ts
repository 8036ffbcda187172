/**
 * A real HTTP server on loopback whose every answer the test scripts: a status, a reset before
 * or in the middle of the answer, silence. It counts requests and keeps their headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createServer as createTlsServer,
  type ServerOptions as TlsServerOptions,
} from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** What the server does with one request. */
export type Behaviour = (request: IncomingMessage, response: ServerResponse) => void;

/** A request as the server received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FaultServer {
  /** `http://127.0.0.1:PORT`, or `https://localhost:PORT` with TLS. */
  url: string;
  /** Requests received so far; each body fills in as it arrives. */
  requests: ReceivedRequest[];
  /** Connections accepted so far (TLS handshakes completed, with TLS). */
  connections: number;
  /** Connections open now. */
  openConnections: number;
  /** Behaviours for the next requests, in order; the last one repeats. */
  script(...behaviours: Behaviour[]): void;
  /** Behaviours for the requests to one path, apart from the others; the last one repeats. */
  route(path: string, ...behaviours: Behaviour[]): void;
  close(): Promise<void>;
}

/** Options of {@link startFaultServer}. */
export interface FaultServerOptions {
  /** The name to listen on and to put in the URL (default `127.0.0.1`). */
  host?: string;
  /** Serve HTTPS with these options (certificate, key, client certificate checks). */
  tls?: TlsServerOptions;
}

export async function startFaultServer(
  hostOrOptions: string | FaultServerOptions = {},
): Promise<FaultServer> {
  const options = typeof hostOrOptions === 'string' ? { host: hostOrOptions } : hostOrOptions;
  const host = options.host ?? '127.0.0.1';
  let behaviours: Behaviour[] = [reply(204)];
  const routes = new Map<string, Behaviour[]>();
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const next = (list: Behaviour[]) => (list.length > 1 ? list.shift()! : list[0]!);
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url!, 'http://x').pathname;
    const behaviour = next(routes.get(path) ?? behaviours);
    const received: ReceivedRequest = {
      method: request.method!,
      url: request.url!,
      headers: request.headers,
      body: '',
    };
    requests.push(received);
    // the body is read whatever the behaviour, so that a reset is not caused by it
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (received.body += chunk));
    behaviour(request, response);
  };
  const server: Server =
    options.tls === undefined ? createServer(handle) : createTlsServer(options.tls, handle);
  server.on(options.tls === undefined ? 'connection' : 'secureConnection', () => connections++);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // a refused handshake is part of what the TLS tests look at, not a server failure
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls === undefined ? 'http' : 'https'}://${host}:${port}`,
    requests,
    get connections() {
      return connections;
    },
    get openConnections() {
      return sockets.size;
    },
    script: (...list) => {
      behaviours = list;
    },
    route: (path, ...list) => {
      routes.set(path, list);
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

/** Answers with a status, headers and a body. */
export function reply(status: number, headers: Record<string, string> = {}, body = ''): Behaviour {
  return (_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  };
}

/** Answers with the generic JSON error body. */
export function jsonError(status: number, error: string, headers: Record<string, string> = {}) {
  return reply(
    status,
    { 'content-type': 'application/json', ...headers },
    JSON.stringify({ error }),
  );
}

/** Closes the connection without answering. */
export const resetBeforeAnswer: Behaviour = (request) => {
  request.socket.destroy();
};

/** Sends the status line, headers and part of the body, then closes the connection. */
export const resetMidBody: Behaviour = (request, response) => {
  response.writeHead(500, { 'content-type': 'application/json', 'content-length': '1000' });
  response.write('{"error": "Internal');
  setTimeout(() => request.socket.destroy(), 20);
};

/** Never answers (until the server is closed). */
export const noAnswer: Behaviour = () => undefined;
