import { describe, expect, it } from "vitest";
import { jobIntervalMinutes } from "./followup-job";

const env = (e: Record<string, string>) => e as unknown as NodeJS.ProcessEnv;

describe("follow-up job interval", () => {
  it("defaults to 60 minutes, 0 turns it off, tests never run it", () => {
    expect(jobIntervalMinutes(env({ NODE_ENV: "production" }))).toBe(60);
    expect(jobIntervalMinutes(env({ NODE_ENV: "production", FOLLOWUP_JOB_MINUTES: "15" }))).toBe(15);
    expect(jobIntervalMinutes(env({ NODE_ENV: "production", FOLLOWUP_JOB_MINUTES: "0" }))).toBeNull();
    expect(jobIntervalMinutes(env({ NODE_ENV: "test", FOLLOWUP_JOB_MINUTES: "5" }))).toBeNull();
    expect(jobIntervalMinutes(env({ NODE_ENV: "production", FOLLOWUP_JOB_MINUTES: "abc" }))).toBe(60);
  });
});
