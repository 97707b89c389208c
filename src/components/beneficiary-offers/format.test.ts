import { describe, expect, it } from "vitest";
import { dateRangeLabel, distanceLabel, durationLabel, reasonChips, seatsLabel, travelHint } from "@/components/ui/format";
import { distanceSteps, offerFilters, parseOfferSearch, searchQuery } from "./search";

describe("offer and formation words", () => {
  it("writes distances with a comma under 10 km and whole kilometres above", () => {
    expect(distanceLabel(6.234)).toBe("À 6,2 km");
    expect(distanceLabel(6.01)).toBe("À 6 km");
    expect(distanceLabel(12.6)).toBe("À 13 km");
    expect(distanceLabel(0.4)).toBe("À moins d'1 km");
  });

  it("gives a travel time with the person's fastest means", () => {
    expect(travelHint(12.5, ["walk", "car"])).toBe("≈ 15 min en voiture");
    expect(travelHint(6, ["walk"])).toBe("≈ 1 h 10 à pied");
    expect(travelHint(1, ["bike"])).toBe("moins de 5 min à vélo");
    expect(travelHint(10, [])).toBeNull();
    expect(durationLabel(60)).toBe("≈ 1 h");
  });

  it("writes date ranges and seats as people say them", () => {
    expect(dateRangeLabel("2026-03-02", "2026-06-26")).toBe("du 2 mars au 26 juin 2026");
    expect(dateRangeLabel("2026-12-01", "2027-01-15")).toBe("du 1er décembre 2026 au 15 janvier 2027");
    expect(dateRangeLabel("2026-03-02", null)).toBe("à partir du 2 mars 2026");
    expect(seatsLabel(1)).toBe("1 place");
    expect(seatsLabel(12)).toBe("12 places");
  });

  it("leaves the distance out of the reason chips", () => {
    expect(reasonChips(["Votre métier", "Vous avez 3 compétences sur 4", "À 12 km de chez vous"])).toEqual([
      "Votre métier",
      "Vous avez 3 compétences sur 4",
    ]);
    expect(reasonChips(["À moins d'1 km de chez vous", "Vous avez 0 compétence sur 3"])).toEqual([]);
  });
});

describe("offer search in the URL", () => {
  it("offers distances below the person's limit, then the limit", () => {
    expect(distanceSteps(35)).toEqual([5, 10, 20, 30, 35]);
    expect(distanceSteps(8)).toEqual([5, 8]);
    expect(distanceSteps(0.5)).toEqual([1]);
  });

  it("reads known values and ignores the rest", () => {
    expect(parseOfferSearch({ distance: "10", contrat: "cdi", temps: "plein", vue: "carte" }, 35)).toEqual({
      distance: 10,
      contract: "cdi",
      hours: "plein",
      view: "carte",
    });
    expect(parseOfferSearch({ distance: "80", contrat: "x", temps: ["partiel", "plein"] }, 35)).toEqual({
      distance: null,
      contract: null,
      hours: "partiel",
      view: "liste",
    });
    expect(parseOfferSearch({ distance: "-3" }, 35).distance).toBeNull();
  });

  it("writes the query back and turns it into matcher filters", () => {
    expect(searchQuery({ distance: 10, contract: "cdd", hours: null, view: "liste" })).toBe("?distance=10&contrat=cdd");
    expect(searchQuery({})).toBe("");
    expect(offerFilters({ distance: 10, contract: "cdd", hours: "partiel", view: "liste" })).toEqual({
      maxDistanceKm: 10,
      contracts: ["cdd"],
      hours: "part",
    });
    expect(offerFilters({ distance: null, contract: null, hours: null, view: "carte" })).toEqual({});
  });
});
