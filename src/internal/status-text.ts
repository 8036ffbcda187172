// The reason phrases (RFC 9110) of the statuses that the API documents or the client retries,
// for an answer that came without one (HTTP/2 has none). Written out rather than taken from
// node:http, whose loading alone costs more than a whole import of this package should.
const REASON_PHRASES: Readonly<Record<number, string>> = {
  200: 'OK',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The status text of an answer: its own, else the standard phrase, else `HTTP <status>`. */
export function statusTextOf(response: Response): string {
  return response.statusText || REASON_PHRASES[response.status] || `HTTP ${response.status}`;
}
