import { useEffect, useState } from 'react';
import type { SignedInUser } from '../server/SignedInUser';
import { endpoints } from './config';

export type SignedInUserState =
  | { status: 'pending' }
  | { status: 'success'; user: SignedInUser }
  | { status: 'error'; message: string };

/** Who the example backend says is signed in, and the connected accounts they run. */
export function useSignedInUser(): SignedInUserState {
  const [state, setState] = useState<SignedInUserState>({ status: 'pending' });
  useEffect(() => {
    const controller = new AbortController();
    fetch(endpoints.me, { signal: controller.signal, credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
          throw new Error(body?.error?.message ?? `${endpoints.me} answered HTTP ${response.status}`);
        }
        setState({ status: 'success', user: (await response.json()) as SignedInUser });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, []);
  return state;
}
