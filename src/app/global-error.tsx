"use client";

// Last resort, when even the root layout fails: its own document, no shared styles.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", fontSize: "1.125rem", lineHeight: 1.5, margin: "1rem" }}>
        <title>Service indisponible</title>
        <main>
          <h1>Le service est momentanément indisponible</h1>
          <p>Réessayez dans quelques minutes.</p>
          <p>
            <button type="button" onClick={() => retry()} style={{ minHeight: 48, fontSize: "1.125rem", padding: "0 1.25rem" }}>
              Réessayer
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}
