import { describe, expect, it } from "vitest";
import { pseudonymOf, referenceOf, roundedDistance } from "./cards";
import { DECLINE_REASON_TEXTS, DECLINE_REASONS, declineWording, isDeclineReason } from "./decline-reasons";

describe("pseudonyms", () => {
  it("keeps only the first name's initial", () => {
    expect(pseudonymOf("Mireille")).toBe("Candidat M.");
    expect(pseudonymOf("  élodie ")).toBe("Candidat É.");
    expect(pseudonymOf("")).toBe("Candidat");
  });

  it("gives a short reference from the profile id", () => {
    expect(referenceOf("3f2a9c1d-0000-4000-8000-000000000000")).toBe("3F2A9C");
  });

  it("rounds distances to the kilometre (a precise one would give the address away)", () => {
    expect(roundedDistance(0.42)).toBe(0);
    expect(roundedDistance(3.49)).toBe(3);
    expect(roundedDistance(12.6)).toBe(13);
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
