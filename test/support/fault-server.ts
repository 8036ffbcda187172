/**
 * A real HTTP server on loopback whose every answer the test scripts: a status, a reset before
 * or in the middle of the answer, silence. It counts requests and keeps their headers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the server does with one request. */
export type Behaviour = (request: IncomingMessage, response: ServerResponse) => void;

export interface FaultServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Requests received so far: method, URL and headers. */
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  /** Behaviours for the next requests, in order; the last one repeats. */
  script(...behaviours: Behaviour[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(host = '127.0.0.1'): Promise<FaultServer> {
  let behaviours: Behaviour[] = [reply(204)];
  const requests: FaultServer['requests'] = [];
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    requests.push({ method: request.method!, url: request.url!, headers: request.headers });
    const behaviour = behaviours.length > 1 ? behaviours.shift()! : behaviours[0]!;
    // the body is read whatever the behaviour, so that a reset is not caused by it
    request.resume();
    behaviour(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}`,
    requests,
    script: (...next) => {
      behaviours = next;
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
