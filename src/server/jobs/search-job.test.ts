import { afterEach, describe, expect, it, vi } from "vitest";
import { searchJobIntervalSeconds } from "./search-job";

const env = (e: Record<string, string>) => e as unknown as NodeJS.ProcessEnv;

afterEach(() => vi.restoreAllMocks());

describe("search job interval", () => {
  it("defaults to 10 seconds, 0 turns it off, tests never run it, nonsense falls back to the default", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(searchJobIntervalSeconds(env({ NODE_ENV: "production" }))).toBe(10);
    expect(searchJobIntervalSeconds(env({ NODE_ENV: "production", SEARCH_JOB_SECONDS: " 30 " }))).toBe(30);
    expect(searchJobIntervalSeconds(env({ NODE_ENV: "production", SEARCH_JOB_SECONDS: "0" }))).toBeNull();
    expect(searchJobIntervalSeconds(env({ NODE_ENV: "test", SEARCH_JOB_SECONDS: "5" }))).toBeNull();
    expect(searchJobIntervalSeconds(env({ NODE_ENV: "production", SEARCH_JOB_SECONDS: "-1" }))).toBe(10);
    expect(searchJobIntervalSeconds(env({ NODE_ENV: "production", SEARCH_JOB_SECONDS: "abc" }))).toBe(10);
    expect(console.warn).toHaveBeenCalledTimes(2);
  });
});
