// The instance's time zone (its configuration's `timeZone`, Europe/Paris by default): what
// "today" is for the whole server, the CLI and the jobs. Pure date arithmetic is in src/lib/dates.
import { todayIn, type IsoDate } from "../../lib/dates";
import { loadInstanceConfig } from "./config";

/** The IANA name of the instance's time zone ("Europe/Paris", "Indian/Reunion"). */
export function instanceTimeZone(): string {
  return loadInstanceConfig().timeZone;
}

/** Today's date in the instance's time zone: at 23:30 UTC on 31 Dec it is already 1 Jan in Paris. */
export function instanceToday(now: Date = new Date()): IsoDate {
  return todayIn(instanceTimeZone(), now);
}
