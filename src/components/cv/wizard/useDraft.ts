"use client";

import { useCallback, useEffect, useRef, useState, type SetStateAction } from "react";

function read<T>(key: string): T | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/**
 * A step's answers, kept in sessionStorage as they are typed, so that nothing is lost when the
 * person leaves the page, reloads it or loses the network; restored on return, dropped once
 * the step is saved. `restored` says a draft was found (to tell the person).
 */
export function useDraft<T extends object>(key: string, initial: T) {
  const [value, setValue] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const dirty = useRef(false);

  useEffect(() => {
    const draft = read<T>(key);
    if (draft !== null) {
      // A draft is what the person typed last: it wins over what was saved before.
      setValue({ ...initial, ...draft });
      setRestored(true);
    }
    // only on arrival on the step
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (!dirty.current) return;
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // private mode or full storage: the answers stay on screen all the same
    }
  }, [key, value]);

  const update = useCallback((next: SetStateAction<T>) => {
    dirty.current = true;
    setValue(next);
  }, []);

  const clear = useCallback(() => {
    dirty.current = false;
    try {
      window.sessionStorage.removeItem(key);
    } catch {
      // nothing to do
    }
  }, [key]);

  return { value, update, restored, clear };
}
