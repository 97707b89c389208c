import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debouncedRunner } from "./debounce";

describe("debouncedRunner", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("searches once typing has paused, with the last text only", () => {
    const run = vi.fn();
    const runner = debouncedRunner(run, "", { delayMs: 300 });
    for (const text of ["m", "ma", "mag", "maga"]) {
      runner.schedule(text);
      vi.advanceTimersByTime(100);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenLastCalledWith("maga");
    expect(runner.lastRun).toBe("maga");
  });

  it("searches at once on Enter and drops the search still waiting", () => {
    const run = vi.fn();
    const runner = debouncedRunner(run, "");
    runner.schedule("cari");
    runner.now("cariste");
    vi.advanceTimersByTime(1000);
    expect(run.mock.calls).toEqual([["cariste"]]);
  });

  it("does not ask again for what is already shown (trimmed, cut)", () => {
    const run = vi.fn();
    const runner = debouncedRunner(run, "cariste", { maxChars: 10 });
    runner.now("  cariste ");
    expect(run).not.toHaveBeenCalled();
    runner.now("x".repeat(50));
    runner.now("x".repeat(60));
    expect(run.mock.calls).toEqual([["x".repeat(10)]]);
  });

  it("forgets a waiting search when the page moved elsewhere, or when cancelled", () => {
    const run = vi.fn();
    const runner = debouncedRunner(run, "");
    runner.schedule("vendeuse");
    runner.synced("cariste");
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    expect(runner.lastRun).toBe("cariste");
    runner.schedule("aide");
    runner.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
