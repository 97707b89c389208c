/** Same server, another database: the URL of database `name`. */
export function databaseUrlWithName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The maintenance database of the server of `url`. */
export function adminUrl(url: string): string {
  return databaseUrlWithName(url, "postgres");
}

/**
 * The template every test file copies: `<test database>_tpl`, so that two checkouts testing
 * against one server with different TEST_DATABASE_URL names never share (or drop) a template.
 * .ci/run clears leftovers named `<test database>_*`.
 */
export function templateName(): string {
  const url = process.env.TEST_DATABASE_URL;
  const base = url ? new URL(url).pathname.slice(1) : "emploi_test";
  return `${base || "emploi_test"}_tpl`;
}
