import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { dateOption } from "./followups-command";

function cli(args: string[]) {
  const r = spawnSync("node_modules/.bin/tsx", ["src/cli/main.ts", ...args], {
    encoding: "utf8",
    // an unreachable database: the date must be refused before it is even tried
    env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/nothing" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("followups commands", () => {
  it("checks --date before opening the database", () => {
    const r = cli(["followups", "due", "--date", "2027-02-30"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Erreur : --date attend une date AAAA-MM-JJ qui existe : 2027-02-30/m);
    expect(cli(["followups", "remind", "--date"]).stderr).toMatch(/--date attend une valeur/);
  });

  it("defaults to today in Paris", () => {
    expect(dateOption({ date: "2028-02-29" })).toBe("2028-02-29");
    expect(dateOption({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("is listed in the usage", () => {
    expect(cli(["help"]).stderr).toMatch(/followups due \[--date AAAA-MM-JJ\] \[--adviser EMAIL\] \[--json\]/);
  });
});
