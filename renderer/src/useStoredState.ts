/**
 * State that outlives the screen: kept in the window's sessionStorage, so leaving a page and coming
 * back (or reloading) finds it as it was. What is read back is checked against its schema; anything
 * else (an older shape, a hand-edited value) is ignored and the initial value used.
 */
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { z } from 'zod';

export function readStored<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Like useState; the second element of the tuple after the setter says whether a stored value was found. */
export function useStoredState<T>(key: string, schema: z.ZodType<T>, initial: () => T): [T, Dispatch<SetStateAction<T>>, boolean] {
  const [restored] = useState(() => readStored(key, schema));
  const [value, setValue] = useState<T>(() => restored ?? initial());
  useEffect(() => {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or refused: the state still works for this visit.
    }
  }, [key, value]);
  return [value, setValue, restored !== null];
}
