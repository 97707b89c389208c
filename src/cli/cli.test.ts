import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseArgs } from "./args";

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("node_modules/.bin/tsx", ["src/cli/main.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("command line", () => {
  it("parses positionals and options", () => {
    expect(parseArgs(["users", "create", "--role", "admin", "--email=a@b.fr", "--force"])).toEqual({
      positionals: ["users", "create"],
      options: { role: "admin", email: "a@b.fr", force: true },
    });
  });

  it("an unreachable DATABASE_URL gives one clear line and a non-zero exit, no stack trace", () => {
    const r = cli(["db", "migrate"], { DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/nothing" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Erreur : Impossible de joindre PostgreSQL/m);
    expect(r.stderr).not.toContain("secret");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a DATABASE_URL that is not a postgres URL is refused", () => {
    const r = cli(["db", "migrate"], { DATABASE_URL: "mysql://x" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL doit commencer par postgres/);
  });

  it("privacy purge refuses a date that does not exist before opening the database", () => {
    const r = cli(["privacy", "purge", "--date", "2026-02-30"], { DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/nothing" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--date attend une date AAAA-MM-JJ qui existe : 2026-02-30/);
  });

  it("an unknown command prints the usage and fails", () => {
    const r = cli(["frobnicate"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Commande inconnue : frobnicate/);
    expect(r.stderr).toMatch(/Usage/);
  });

  it("users create validates its options before touching the database", () => {
    const r = cli(["users", "create", "--role", "pirate", "--email", "x@y.fr"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/x" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Erreur : role : Rôle inconnu/m);
    expect(r.stderr).not.toMatch(/PostgreSQL/);
  });

  it("a weak --password is refused with the reason", () => {
    const r = cli(["users", "create", "--role", "admin", "--email", "x@y.fr", "--password", "abc"], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/x",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/au moins 8 caractères/);
  });
});
