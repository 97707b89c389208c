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

/** Test databases are all named emploi_test_* (.ci/run clears leftovers by that pattern). */
export function templateName(): string {
  return "emploi_test_tpl";
}
