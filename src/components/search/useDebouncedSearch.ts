"use client";

import { useEffect, useRef, useState } from "react";
import { debouncedRunner, type DebouncedRunner } from "./debounce";

/**
 * The search box's timing: `schedule` on each key, `now` on Enter (see debounce.ts). One runner
 * for the component's life, always calling the latest `run`; a search still waiting is dropped
 * when the component goes away.
 */
export function useDebouncedSearch(
  run: (text: string) => void,
  initial: string,
  options: { delayMs?: number; maxChars?: number } = {},
): DebouncedRunner {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  }, [run]);
  const [runner] = useState(() => debouncedRunner((text) => runRef.current(text), initial, options));
  useEffect(() => () => runner.cancel(), [runner]);
  return runner;
}
