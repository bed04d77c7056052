import { describe, expect, it } from 'vitest';
import { fetchFinancialConnectionsSecret } from './fetchFinancialConnectionsSecret.js';
import { createManualClock } from './testing/manualClock.js';
import { createSecretEndpoint } from './testing/createSecretEndpoint.js';

describe('fetchFinancialConnectionsSecret', () => {
  it('fetches a fresh secret on every call: nothing is cached', async () => {
    const clock = createManualClock();
    const endpoint = createSecretEndpoint({ kind: 'financial_connections_session', clock });
    const first = await fetchFinancialConnectionsSecret(endpoint.fetchSecret, { clock });
    const second = await fetchFinancialConnectionsSecret(endpoint.fetchSecret, { clock });
    expect([first.reveal(), second.reveal()]).toEqual(endpoint.issued);
    expect(endpoint.calls.map((call) => call.kind)).toEqual(['financial_connections_session', 'financial_connections_session']);
    expect(first).toMatchObject({ kind: 'financial_connections_session', expiresAt: null, redacted: 'fcsess_…_secret_…[redacted]' });
  });

  it('rejects a secret of another kind, naming the expected shape', async () => {
    const error = await fetchFinancialConnectionsSecret(() => ({ client_secret: 'accs_secret_TOPSECRET' })).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'invalid_response', field: 'client_secret' });
    expect((error as Error).message).toContain('fcsess_…_secret_');
    expect((error as Error).message).not.toContain('TOPSECRET');
  });
});
