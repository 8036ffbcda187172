/**
 * The transport's small pieces on their own: the retry timing, and the light request object
 * that openapi-fetch builds in place of a `Request`.
 */
import { describe, expect, test } from 'vitest';

import { LightRequest } from '../src/transport/light-request.ts';
import { backoffDelay, retryAfterDelay } from '../src/transport/retry-timing.ts';

describe('backoffDelay', () => {
  const timing = { initialDelayMs: 500, maxDelayMs: 8_000, jitter: false };

  test('doubles from the initial delay up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelay(retry, timing))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });

  test('with jitter, stays between half the delay and the whole of it', () => {
    const jittered = { ...timing, jitter: true };

    expect(backoffDelay(3, jittered, () => 0)).toBe(1_000);
    expect(backoffDelay(3, jittered, () => 0.999999)).toBeCloseTo(2_000, 0);
    for (let i = 0; i < 1_000; i++) {
      const delay = backoffDelay(2, jittered);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1_000);
    }
  });
});

describe('retryAfterDelay', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');

  test('reads seconds and HTTP dates, a past date as no pause', () => {
    expect(retryAfterDelay('120', now)).toBe(120_000);
    expect(retryAfterDelay(' 0 ', now)).toBe(0);
    expect(retryAfterDelay('Thu, 03 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterDelay('Thu, 03 Dec 2026 11:00:00 GMT', now)).toBe(0);
    // the obsolete forms a server may still send
    expect(retryAfterDelay('Thursday, 03-Dec-26 12:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterDelay('Thu Dec  3 12:00:10 2026', now)).toBe(10_000);
  });

  test('gives nothing for an absent or unreadable header', () => {
    expect(retryAfterDelay(null, now)).toBeUndefined();
    expect(retryAfterDelay('soon', now)).toBeUndefined();
    expect(retryAfterDelay('-5', now)).toBeUndefined();
    expect(retryAfterDelay('1.5', now)).toBeUndefined();
    expect(retryAfterDelay('2026-12-03T12:00:30Z', now)).toBeUndefined();
  });
});

describe('LightRequest', () => {
  const body = JSON.stringify({ consumerId: 'consumer-1', state: 'ACTIVE' });
  const make = () =>
    new LightRequest('http://127.0.0.1:1/issuers/FRBANK0042/accounts/acct-1', {
      method: 'put',
      headers: new Headers({ 'content-type': 'application/json' }),
      body,
      redirect: 'follow',
    });

  test('keeps URL, upper-case method, the Headers it was given, and the body as text', async () => {
    const headers = new Headers({ a: '1' });
    const request = new LightRequest('http://h/x', { method: 'post', headers, body: 'b' });

    expect(request.url).toBe('http://h/x');
    expect(request.method).toBe('POST');
    expect(request.headers).toBe(headers);
    expect(request.bodyInit).toBe('b');
    expect(await request.text()).toBe('b');
  });

  test('reads its body as JSON, bytes or a stream, as often as asked', async () => {
    const request = make();

    expect(await request.json()).toEqual({ consumerId: 'consumer-1', state: 'ACTIVE' });
    expect(new TextDecoder().decode(await request.arrayBuffer())).toBe(body);
    expect(await new Response(request.body).text()).toBe(body);
    expect(await new Response(request.body).text()).toBe(body);
  });

  test('without a body: empty text, a null stream', async () => {
    const request = new LightRequest('http://h/x', { method: 'POST' });

    expect(request.bodyInit).toBeUndefined();
    expect(request.body).toBeNull();
    expect(await request.text()).toBe('');
  });

  test('clones with headers of its own', async () => {
    const request = make();
    const copy = request.clone();
    copy.headers.set('x-extra', '1');

    expect(request.headers.has('x-extra')).toBe(false);
    expect(copy.url).toBe(request.url);
    expect(copy.method).toBe('PUT');
    expect(await copy.text()).toBe(body);
  });

  test('becomes a real Request with the same URL, method, headers, body and options', async () => {
    const request = make().toRequest();

    expect(request).toBeInstanceOf(Request);
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('http://127.0.0.1:1/issuers/FRBANK0042/accounts/acct-1');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.redirect).toBe('follow');
    expect(await request.text()).toBe(body);
  });
});
