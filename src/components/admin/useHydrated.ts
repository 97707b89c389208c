"use client";

import { useEffect, useState } from "react";

/**
 * False during the server render and until React has taken over the page. Controls that only
 * work with JavaScript are disabled until then, so an early click is not lost (or sent as a
 * plain form submission).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
