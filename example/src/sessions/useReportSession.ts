import { useEffect } from 'react';
import type { SessionEntry } from './sessionBoard';
import { useSessionBoardStore } from './SessionBoardContext';

/** Shows `entry` in the session panel while the calling component is mounted. */
export function useReportSession(id: string, entry: SessionEntry): void {
  const board = useSessionBoardStore();
  const { kind, usedBy, status, redacted, expiresAt, fetchCount } = entry;
  useEffect(() => {
    board.set(id, { kind, usedBy, status, redacted, expiresAt, fetchCount });
  }, [board, id, kind, usedBy, status, redacted, expiresAt, fetchCount]);
  useEffect(() => () => board.remove(id), [board, id]);
}
