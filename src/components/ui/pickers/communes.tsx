"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isNetworkError } from "@/components/ui/formErrors";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client";
import { useDebounced } from "./Combobox";

// The commune search and "Utiliser ma position": the CV's place step, CommunePicker (the
// professionals' forms, the search filters).

export type PickedCommune = { insee: string; name: string; postcodes: string[] };

export function communeText(c: PickedCommune) {
  return c.postcodes.length ? `${c.name} (${c.postcodes.join(", ")})` : c.name;
}

/** Names listed at once; a full postcode lists every commune sharing it (the list scrolls). */
export const COMMUNES_SHOWN = 10;

/**
 * Communes matching what is typed (2 characters at least); none asked once one is chosen.
 * One more than shown is asked, to tell "10 communes" from "more than 10: type on".
 */
export function useCommuneSearch(query: string, chosen: boolean) {
  const trpc = useTRPC();
  const q = useDebounced(query.trim());
  const search = useQuery(
    trpc.referentials.searchCommunes.queryOptions({ q, limit: COMMUNES_SHOWN + 1 }, { enabled: q.length >= 2 && !chosen }),
  );
  const all = search.data ?? [];
  const postcode = /^\d{5}$/.test(q.replace(/\s/g, ""));
  const more = !postcode && all.length > COMMUNES_SHOWN;
  return { items: more ? all.slice(0, COMMUNES_SHOWN) : all, more, isFetching: search.isFetching };
}

/** One suggestion of the list: the name, then its postcodes and département. */
export function communeOption(c: { name: string; postcodes: string[]; departement: string }) {
  return (
    <>
      <span>{c.name}</span>
      <span className="combobox__detail">
        {c.postcodes.join(", ")} · département {c.departement}
      </span>
    </>
  );
}

export const COMMUNE_NOUN = { one: "commune", many: "communes", feminine: true };

type LocateMessages = {
  /** the device has no geolocation */
  unsupported: string;
  /** the position came but no commune was found for it */
  notFound: string;
  /** the position could not be had (refused, timed out) */
  noPosition: string;
  /** when given, said instead of notFound when the network is down */
  offline?: string;
};

/**
 * "Utiliser ma position": the device's position and, when asked, the commune it lies in.
 * The messages and the precision differ from form to form; the steps do not.
 */
export function useLocateCommune(
  messages: LocateMessages,
  options: PositionOptions = { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
) {
  const client = useTRPCClient();
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function locate(
    withCommune: boolean,
    onFound: (point: { lat: number; lng: number }, commune: PickedCommune | null) => void,
  ) {
    setError(null);
    if (!("geolocation" in navigator)) {
      setError(messages.unsupported);
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      async (position) => {
        const point = { lat: position.coords.latitude, lng: position.coords.longitude };
        try {
          let commune: PickedCommune | null = null;
          if (withCommune) {
            const found = await client.referentials.nearestCommune.query(point);
            if (!found) throw new Error("none");
            commune = { insee: found.insee, name: found.name, postcodes: found.postcodes };
          }
          onFound(point, commune);
        } catch (err) {
          setError(messages.offline && isNetworkError(err) ? messages.offline : messages.notFound);
        } finally {
          setLocating(false);
        }
      },
      () => {
        setLocating(false);
        setError(messages.noPosition);
      },
      options,
    );
  }

  return { locate, locating, error };
}
