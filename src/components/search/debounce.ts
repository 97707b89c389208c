// As-you-type search without a request per keystroke. Plain timers, no React: the hook in
// useDebouncedSearch.ts wraps it, the unit test drives it with fake timers.

export type DebouncedRunner = {
  /** runs the search once typing has paused for the delay; cancels the one still waiting */
  schedule(text: string): void;
  /** runs it at once (Enter, "Effacer"); cancels the one still waiting */
  now(text: string): void;
  /** the page moved to another search by itself (back button, a link): remember it as run */
  synced(text: string): void;
  cancel(): void;
  /** the text last searched, as it was sent (trimmed, cut) */
  readonly lastRun: string;
};

export function debouncedRunner(
  run: (text: string) => void,
  initial: string,
  { delayMs = 300, maxChars = Infinity }: { delayMs?: number; maxChars?: number } = {},
): DebouncedRunner {
  const normalise = (text: string) => text.trim().slice(0, maxChars);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = normalise(initial);
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const now = (text: string) => {
    cancel();
    const normalised = normalise(text);
    // typing "a" then deleting it, or a space after a word: nothing new to ask
    if (normalised === lastRun) return;
    lastRun = normalised;
    run(normalised);
  };
  return {
    schedule(text) {
      cancel();
      timer = setTimeout(() => now(text), delayMs);
    },
    now,
    synced(text) {
      cancel();
      lastRun = normalise(text);
    },
    cancel,
    get lastRun() {
      return lastRun;
    },
  };
}
