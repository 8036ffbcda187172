/**
 * A `fetch` for the client that sends every request for real and keeps a copy of what went out
 * and what came back, so that tests can look at the wire (headers, URL, body) of a real call.
 */
export interface Exchange {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
  response: Response;
}

export interface RecordingFetch {
  fetch: typeof globalThis.fetch;
  exchanges: Exchange[];
}

export function recordingFetch(): RecordingFetch {
  const exchanges: Exchange[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = request.body === null ? undefined : await request.clone().text();
    const response = await globalThis.fetch(request);
    exchanges.push({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body,
      response: response.clone(),
    });
    return response;
  };
  return { fetch, exchanges };
}
