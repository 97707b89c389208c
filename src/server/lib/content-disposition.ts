// File names for downloads that keep people's letters ("CV-Łucja-Nguyễn.pdf") for browsers
// that read RFC 6266's filename* (all current ones) and give an ASCII fallback for the rest.

// Letters that Unicode does not decompose into a base letter and an accent.
const ASCII_LETTERS: Record<string, string> = {
  Ł: "L", ł: "l", Đ: "D", đ: "d", Ø: "O", ø: "o", Æ: "AE", æ: "ae", Œ: "OE", œ: "oe", ß: "ss",
  Þ: "Th", þ: "th", Ð: "D", ð: "d", ı: "i", Ħ: "H", ħ: "h", Ŧ: "T", ŧ: "t", Ŀ: "L", ŀ: "l",
};

/** The name parts joined with "-": letters, digits and "-" only, spaces as "-". */
function cleanParts(parts: string[]): string {
  return parts
    .map((p) =>
      p
        .normalize("NFC")
        .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter(Boolean)
    .join("-");
}

/** The ASCII twin of a cleaned name: accents dropped, Ł → L, other scripts left out. */
function asciiOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^\x00-\x7f]/g, (c) => ASCII_LETTERS[c] ?? "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

// RFC 8187 attr-char: everything else is percent-encoded (encodeURIComponent leaves ' ( ) * ! alone).
function encodeExtValue(s: string): string {
  return encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The Content-Disposition header for a download named after its parts, e.g.
 * `downloadDisposition("attachment", ["CV", "Łucja", "Nguyễn"], "pdf", "CV")` →
 * `attachment; filename="CV-Lucja-Nguyen.pdf"; filename*=UTF-8''CV-%C5%81ucja-Nguy%E1%BB%85n.pdf`.
 * `fallback` names the file when nothing printable is left.
 */
export function downloadDisposition(kind: "attachment" | "inline", parts: string[], extension: string, fallback: string): string {
  const name = cleanParts(parts) || fallback;
  const ascii = asciiOf(name) || fallback;
  const header = `${kind}; filename="${ascii}.${extension}"`;
  return name === ascii ? header : `${header}; filename*=UTF-8''${encodeExtValue(`${name}.${extension}`)}`;
}
