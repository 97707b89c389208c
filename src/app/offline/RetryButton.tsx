"use client";

/** Loads the page again (the address the person asked for, not this page's). */
export function RetryButton() {
  return (
    <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
      Réessayer
    </button>
  );
}
