import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "../server/db/client";
import { searchCommand } from "./search-command";

let h: DatabaseHandle;
beforeAll(async () => {
  const { openTestDatabase } = await import("../server/testing/db");
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const noMeili = { NODE_ENV: "test" } as unknown as NodeJS.ProcessEnv;

describe("search status and drain (PostgreSQL engine)", () => {
  it("status shows the engine and the queue; drain empties it (PostgreSQL is already current)", async () => {
    await h.db.execute(sql`delete from search_queue`);
    const id = randomUUID();
    await h.db.execute(sql`insert into search_queue (kind, entity_id, attempts, last_error) values ('offers', ${id}::uuid, 3, 'délai dépassé')`);
    await h.db.execute(sql`insert into search_queue (kind, entity_id) values ('profiles', ${randomUUID()}::uuid)`);

    let out = "";
    await searchCommand(h.db, { action: "status", target: "all" }, {}, (s) => (out += s), () => {}, noMeili);
    expect(out).toContain("Moteur : PostgreSQL");
    expect(out).toContain("File d'indexation : 2 en attente (1 nouveau(x), 1 en nouvel essai, 0 bloqué(s))");
    expect(out).toContain(`échec 3× offers ${id} : délai dépassé`);

    let json = "";
    await searchCommand(h.db, { action: "status", target: "all" }, { json: true }, (s) => (json += s), () => {}, noMeili);
    expect(JSON.parse(json)).toMatchObject({ engine: "postgres", queue: { total: 2, byKind: { offers: 1, profiles: 1 } } });

    // the failed row is not due yet: push it to now, as time passing would
    await h.db.execute(sql`update search_queue set next_attempt_at = now() - interval '1 second'`);
    const log: string[] = [];
    await searchCommand(h.db, { action: "drain", target: "all" }, {}, () => {}, (l) => log.push(l), noMeili);
    expect(log).toContain("File d'indexation : 2 document(s) à jour, 0 en échec.");
    expect(await queryRows(h.db, sql`select 1 from search_queue`)).toEqual([]);
  });
});
