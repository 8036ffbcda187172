/**
 * The request object openapi-fetch builds for each call, in place of a WHATWG `Request`.
 *
 * openapi-fetch makes a `Request` for every call and hands it to `fetch`, which makes another
 * from it: on loopback the first alone costs about half again the time of a bare `fetch(url,
 * init)`, mostly to wrap the body in a stream that the second then reads back. This class keeps
 * what the middleware and the transport need (URL, method, mutable headers, the body as it was
 * serialised) and nothing else, so that the transport can call `fetch(url, init)` once, as a bare
 * call would. openapi-fetch supports it through its `Request` option.
 *
 * It offers the parts of the `Request` interface that middleware reads: `url`, `method`,
 * `headers`, `signal`, `body`, `text()`, `json()`, `arrayBuffer()` and `clone()`. Middleware
 * that needs a real `Request` can build one with {@link LightRequest.toRequest}.
 */
export class LightRequest {
  /** The absolute URL. */
  readonly url: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The headers; middleware may change them, as on a real `Request`. */
  readonly headers: Headers;
  /** The body exactly as openapi-fetch serialised it (a JSON string here), or `undefined`. */
  readonly bodyInit: BodyInit | undefined;
  /** The signal given to openapi-fetch, if any. */
  readonly signal: AbortSignal | undefined;
  /** What the rest of the init said (`redirect`, `credentials`, ...), for `toRequest()`. */
  private readonly init: RequestInit;

  constructor(input: string | URL | LightRequest, init: RequestInit = {}) {
    const base = input instanceof LightRequest ? input : undefined;
    this.url = base?.url ?? String(input);
    this.method = (init.method ?? base?.method ?? 'GET').toUpperCase();
    // openapi-fetch passes a Headers of its own making, fresh for each call: kept, not copied
    this.headers =
      init.headers instanceof Headers
        ? init.headers
        : new Headers(init.headers ?? base?.headers ?? undefined);
    this.bodyInit = (init.body ?? base?.bodyInit) || undefined;
    this.signal = init.signal ?? base?.signal ?? undefined;
    this.init = { ...base?.init, ...init };
  }

  /** The body as a stream, made on demand: a new one at each read, like a fresh `Request`. */
  get body(): ReadableStream<Uint8Array> | null {
    return this.bodyInit === undefined ? null : new Response(this.bodyInit).body;
  }

  /** The body as text. */
  async text(): Promise<string> {
    if (this.bodyInit === undefined) {
      return '';
    }
    return typeof this.bodyInit === 'string' ? this.bodyInit : new Response(this.bodyInit).text();
  }

  /** The body parsed as JSON. */
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  /** The body as bytes. */
  async arrayBuffer(): Promise<ArrayBuffer> {
    return new Response(this.bodyInit ?? null).arrayBuffer();
  }

  /** A copy with its own headers. */
  clone(): LightRequest {
    return new LightRequest(this, { headers: new Headers(this.headers) });
  }

  /** A WHATWG `Request` with the same URL, method, headers and body. */
  toRequest(): Request {
    return new Request(this.url, {
      ...this.init,
      method: this.method,
      headers: this.headers,
      body: this.bodyInit ?? null,
      signal: this.signal ?? null,
    });
  }
}
