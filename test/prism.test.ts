import { inject, expect, test } from 'vitest';

test('the Prism mock of the accounts spec answers a valid registration with 204', async () => {
  const response = await fetch(`${inject('prismUrl')}/issuers/FRBANK0042/accounts/acct-1`, {
    method: 'PUT',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    body: JSON.stringify({ consumerId: 'c-1', state: 'ACTIVE' }),
  });
  expect(response.status).toBe(204);
  expect(response.headers.get('sl-violations')).toBeNull();
});
