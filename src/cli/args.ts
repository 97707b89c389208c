/** Splits `a b --flag value --bool` into positionals and options (`--x=y` works too). */
export function parseArgs(argv: string[]): { positionals: string[]; options: Record<string, string | true> } {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) options[key] = inline;
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) options[key] = argv[++i]!;
      else options[key] = true;
    } else positionals.push(arg);
  }
  return { positionals, options };
}

export class UsageError extends Error {}

export function stringOption(options: Record<string, string | true>, name: string, required: true): string;
export function stringOption(options: Record<string, string | true>, name: string, required?: false): string | undefined;
export function stringOption(options: Record<string, string | true>, name: string, required = false) {
  const v = options[name];
  if (v === true) throw new UsageError(`--${name} attend une valeur`);
  if (v === undefined && required) throw new UsageError(`--${name} est obligatoire`);
  return v;
}
