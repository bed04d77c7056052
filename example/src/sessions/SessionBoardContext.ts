import { createContext, useContext } from 'react';
import type { SessionBoard } from './sessionBoard';

export const SessionBoardContext = createContext<SessionBoard | null>(null);

export function useSessionBoardStore(): SessionBoard {
  const board = useContext(SessionBoardContext);
  if (!board) throw new Error('example: wrap the app in <SessionBoardContext.Provider> before reporting sessions');
  return board;
}
