import { describe, expect, it } from "vitest";
import type { ProfileData } from "./save";
import { changedFields } from "./wizard";

const base: ProfileData = {
  firstName: "Léa",
  lastName: "Martin",
  communeInsee: "41018",
  point: { lat: 47.59, lng: 1.33 },
  preciseLocation: false,
  travelModes: ["car"],
  maxDistanceKm: 20,
  drivingLicence: "B",
  hasVehicle: true,
  shifts: 1,
  seeking: true,
  visibleToEmployers: false,
  skillCodes: [],
  jobs: [],
  availableFrom: null,
};

describe("changedFields (audit of a wizard step)", () => {
  it("lists only the fields whose value differs, sorted", () => {
    expect(changedFields(base, { travelModes: ["car"], maxDistanceKm: 30, hasVehicle: true })).toEqual(["maxDistanceKm"]);
    expect(changedFields(base, { travelModes: ["bike"], drivingLicence: "none" })).toEqual(["drivingLicence", "travelModes"]);
  });
  it("treats missing and null alike", () => {
    expect(changedFields(base, { availableFrom: null, fullTime: null })).toEqual([]);
    expect(changedFields(base, { about: "Ponctuelle." })).toEqual(["about"]);
  });
});
