// When the database cannot be opened (a wrong DATABASE_URL, the server down), the API answers
// 503 with a French sentence instead of a bare server error; the cause stays in the server's log
// (databaseIfAvailable in src/server/db).
export const SERVICE_UNAVAILABLE_MESSAGE = "Le service est momentanément indisponible. Réessayez dans quelques minutes.";

export function serviceUnavailable(): Response {
  return Response.json({ error: SERVICE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "60" } });
}
