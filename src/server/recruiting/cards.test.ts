import { describe, expect, it } from "vitest";
import { DISTANCE_BANDS, distanceBandLabel, isDistanceBand } from "./bands";
import { pseudonymOf } from "./cards";
import { candidateHandle, candidateIdInput, profileOfHandle, referenceFor } from "./handles";
import { DECLINE_REASON_TEXTS, DECLINE_REASONS, declineWording, isDeclineReason } from "./decline-reasons";

describe("pseudonyms", () => {
  it("keeps only the first name's initial", () => {
    expect(pseudonymOf("Mireille")).toBe("Candidat M.");
    expect(pseudonymOf("  élodie ")).toBe("Candidat É.");
    expect(pseudonymOf("")).toBe("Candidat");
  });

});

const OFFER_A = "0a4c8f0e-1111-4000-8000-00000000000a";
const OFFER_B = "0a4c8f0e-1111-4000-8000-00000000000b";
const PERSON = "3f2a9c1d-0000-4000-8000-000000000000";

describe("per-offer handles and references (lists of two offers cannot be joined)", () => {
  it("a handle opens its own offer only, and carries nothing readable of the profile id", () => {
    const a = candidateHandle(OFFER_A, PERSON);
    expect(candidateIdInput.safeParse(a).success).toBe(true);
    expect(profileOfHandle(OFFER_A, a)).toBe(PERSON);
    // stable for the same offer (links and refreshes), different for another offer
    expect(candidateHandle(OFFER_A, PERSON)).toBe(a);
    const b = candidateHandle(OFFER_B, PERSON);
    expect(b).not.toBe(a);
    expect(profileOfHandle(OFFER_B, a)).toBeNull();
    expect(profileOfHandle(OFFER_A, b)).toBeNull();
    for (const hex of [PERSON.replace(/-/g, "").slice(0, 6), "3f2a9c"]) expect(a.toLowerCase()).not.toContain(hex);
  });

  it("an altered or forged handle opens nothing", () => {
    const a = candidateHandle(OFFER_A, PERSON);
    const flipped = a.slice(0, 20) + (a[20] === "A" ? "B" : "A") + a.slice(21);
    expect(profileOfHandle(OFFER_A, flipped)).toBeNull();
    expect(profileOfHandle(OFFER_A, "A".repeat(59))).toBeNull();
    expect(profileOfHandle(OFFER_A, PERSON)).toBeNull();
    expect(profileOfHandle(OFFER_A, "")).toBeNull();
  });

  it("the display reference differs from one offer to the next", () => {
    const ra = referenceFor(OFFER_A, PERSON);
    expect(ra).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(referenceFor(OFFER_A, PERSON)).toBe(ra);
    expect(referenceFor(OFFER_B, PERSON)).not.toBe(ra);
  });
});

describe("distance bands", () => {
  it("words a distance as its band only", () => {
    expect(distanceBandLabel(0)).toBe("Moins de 5 km");
    expect(distanceBandLabel(4.99)).toBe("Moins de 5 km");
    expect(distanceBandLabel(5)).toBe("5 à 10 km");
    expect(distanceBandLabel(12.6)).toBe("10 à 20 km");
    expect(distanceBandLabel(49)).toBe("30 à 50 km");
    expect(distanceBandLabel(50)).toBe("Plus de 50 km");
    expect(distanceBandLabel(180)).toBe("Plus de 50 km");
  });

  it("accepts only the bands' bounds as a radius", () => {
    for (const km of DISTANCE_BANDS) expect(isDistanceBand(km)).toBe(true);
    for (const km of [0, 1, 4, 7, 12.5, 49.9, 100, 200, Number.NaN, "5"]) expect(isDistanceBand(km)).toBe(false);
  });
});

describe("decline reasons", () => {
  it("are a fixed list, each with an employer label and kind words for the person", () => {
    expect(DECLINE_REASONS).toEqual(["position_filled", "profile_mismatch", "schedule", "distance", "other"]);
    for (const r of DECLINE_REASONS) {
      expect(isDeclineReason(r)).toBe(true);
      expect(declineWording(r)).toBe(DECLINE_REASON_TEXTS[r].candidate);
      // never blame: no "vous n'êtes pas", no "insuffisant"
      expect(DECLINE_REASON_TEXTS[r].candidate).not.toMatch(/insuffisant|vous n'êtes pas|rejet/i);
    }
    expect(declineWording("position_filled")).toBe(
      "Le poste a été pourvu. Merci pour votre candidature : d'autres offres vous attendent.",
    );
    expect(isDeclineReason("Raison libre")).toBe(false);
  });
});
