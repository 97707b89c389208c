import { afterEach, describe, expect, it, vi } from "vitest";
import { cronEvery, jobPlan } from "./boss";

const env = (e: Record<string, string>) => e as unknown as NodeJS.ProcessEnv;

afterEach(() => vi.restoreAllMocks());

describe("the jobs' schedule from the environment", () => {
  it("defaults: send-due every 10 minutes, privacy daily at 03:00, search every 10 seconds", () => {
    expect(jobPlan(env({ NODE_ENV: "production" }))).toEqual({ sendDue: "*/10 * * * *", privacy: "0 3 * * *", searchSeconds: 10 });
  });

  it("0 turns a job off, JOBS=off all of them, tests never run them", () => {
    expect(jobPlan(env({ NODE_ENV: "production", SEND_DUE_MINUTES: "0", PRIVACY_JOB_HOURS: "0", SEARCH_JOB_SECONDS: "0" }))).toEqual({
      sendDue: null,
      privacy: null,
      searchSeconds: null,
    });
    expect(jobPlan(env({ NODE_ENV: "production", JOBS: "off" }))).toBeNull();
    expect(jobPlan(env({ NODE_ENV: "test" }))).toBeNull();
  });

  it("reads the former FOLLOWUP_JOB_MINUTES, and nonsense falls back to the default with a warning", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(jobPlan(env({ NODE_ENV: "production", FOLLOWUP_JOB_MINUTES: "60" }))!.sendDue).toBe("0 */1 * * *");
    expect(jobPlan(env({ NODE_ENV: "production", SEND_DUE_MINUTES: "abc", SEARCH_JOB_SECONDS: "-1" }))).toMatchObject({ sendDue: "*/10 * * * *", searchSeconds: 10 });
    expect(console.warn).toHaveBeenCalledTimes(2);
    expect(jobPlan(env({ NODE_ENV: "production", PRIVACY_JOB_HOURS: "6" }))!.privacy).toBe("30 */6 * * *");
  });

  it("writes cron lines for every n minutes", () => {
    expect(cronEvery(1, 0)).toBe("* * * * *");
    expect(cronEvery(15, 0)).toBe("*/15 * * * *");
    expect(cronEvery(120, 5)).toBe("5 */2 * * *");
    expect(cronEvery(24 * 60, 30)).toBe("30 3 * * *");
  });
});
