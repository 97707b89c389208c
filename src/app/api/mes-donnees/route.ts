import { personalDataDownload } from "./download";

export const dynamic = "force-dynamic";

/** Everything kept about the signed-in person, as a JSON file. */
export function GET() {
  return personalDataDownload("json", "application/json; charset=utf-8", (data) => JSON.stringify(data, null, 2));
}
