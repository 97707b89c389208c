import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerAs } from "../testing/callers";
import { makeOffer, makeProfile } from "../testing/factories";
import { furtherRing, offersFurther } from "./queries";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("a bit further, for a person without a car who finds nothing", () => {
  it("counts the offers between their limit and 20 km beyond, by the same rules as offers near them", async () => {
    const { caller, user } = await callerAs(h.db, "beneficiary", { firstName: "Inès", lastName: "Sansvoiture" });
    // in Blois, on foot and by bus, 10 km at most
    const person = await makeProfile(h.db, "41018", {
      userId: user.id,
      travelModes: ["walk", "public_transport"],
      drivingLicence: "none",
      hasVehicle: false,
      maxDistanceKm: 10,
    });
    // Mer is 20 km from Blois, Vendôme 30.5 km
    await makeOffer(h.db, "41136", { title: "Aide-soignant à Mer" });
    await makeOffer(h.db, "41136", { title: "Aide-soignant de jour à Mer" });
    await makeOffer(h.db, "41136", { title: "Aide-soignant, voiture nécessaire", vehicleRequired: true });
    await makeOffer(h.db, "41136", { title: "Aide-soignant, pas plus de 15 km", radiusKm: 15 });
    await makeOffer(h.db, "41136", { title: "Bûcheron", romeCode: "A1201" });
    await makeOffer(h.db, "41018", { title: "Aide-soignant à Blois", contract: "cdd" });
    await makeOffer(h.db, "41269", { title: "Aide-soignant à Vendôme", radiusKm: 50 });

    expect(await offersFurther(h.db, person.id)).toEqual({ fromKm: 10, toKm: 30, count: 2 });
    // the procedure gives the person's own
    expect(await caller.matching.offersFurther({})).toEqual({ fromKm: 10, toKm: 30, count: 2 });
    // the list's filters hold: no CDD beyond 10 km
    expect(await caller.matching.offersFurther({ contracts: ["cdd"] })).toBeNull();
    // Vendôme comes in a ring further out once Mer is within reach
    await caller.profile.saveMobility({
      travelModes: ["walk", "public_transport"],
      distance: { unit: "km", value: 25 },
      drivingLicence: "none",
      hasVehicle: false,
    });
    expect(await caller.matching.offersFurther({})).toEqual({ fromKm: 25, toKm: 50, count: 1 });
  });
});

describe("the ring to suggest", () => {
  it("is the nearest usual distance at least 20 km beyond the limit that holds an offer", () => {
    expect(furtherRing(10, [])).toBeNull();
    expect(furtherRing(10, [{ distanceKm: 25, radiusKm: 30 }])).toEqual({ fromKm: 10, toKm: 30, count: 1 });
    expect(furtherRing(10, [{ distanceKm: 35, radiusKm: 50 }])).toEqual({ fromKm: 10, toKm: 40, count: 1 });
    // an offer recruiting within 20 km of itself is out of reach at 25 km
    expect(furtherRing(10, [{ distanceKm: 25, radiusKm: 20 }])).toBeNull();
    expect(furtherRing(90, [{ distanceKm: 95, radiusKm: 100 }])).toBeNull();
  });
});
