#!/usr/bin/env node
// Renders the instance logo into the PNG icons of the web app manifest (public/icons/), with
// Debian's headless Chromium. Run again after changing the logo:
//   node scripts/make-icons.mjs [path/to/logo.svg]
// "any" icons are the logo itself; "maskable" ones put the logo's drawing on a full-bleed
// background, inside the central 80 % safe zone that launchers never crop.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const logo = path.resolve(process.argv[2] ?? path.join(root, "public/instance/loir-et-cher/logo.svg"));
const outDir = path.join(root, "public/icons");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const svg = readFileSync(logo, "utf8");
// the logo's own background colour fills the maskable icons' bleed area
const background = /<rect[^>]*fill="(#[0-9a-fA-F]{3,8})"/.exec(svg)?.[1] ?? "#0b5cab";

function page(size, maskable) {
  const inner = maskable ? Math.round(size * 0.72) : size;
  return `<!doctype html><html><head><style>
    html,body{margin:0;width:${size}px;height:${size}px;overflow:hidden;background:${maskable ? background : "transparent"}}
    body{display:flex;align-items:center;justify-content:center}
    img{width:${inner}px;height:${inner}px;display:block}
  </style></head><body><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" alt=""></body></html>`;
}

const tmp = mkdtempSync(path.join(tmpdir(), "icons-"));
try {
  for (const [name, size, maskable] of [
    ["icon-192.png", 192, false],
    ["icon-512.png", 512, false],
    ["maskable-192.png", 192, true],
    ["maskable-512.png", 512, true],
    ["apple-touch-icon.png", 180, true],
  ]) {
    const html = path.join(tmp, `${name}.html`);
    writeFileSync(html, page(size, maskable));
    const out = path.join(outDir, name);
    const result = spawnSync(
      chromium,
      [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--default-background-color=00000000",
        "--force-device-scale-factor=1",
        `--window-size=${size},${size}`,
        `--screenshot=${out}`,
        `file://${html}`,
      ],
      { stdio: "pipe", encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`${chromium} failed for ${name}: ${result.stderr}`);
    const png = readFileSync(out);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    if (png.toString("ascii", 1, 4) !== "PNG" || width !== size || height !== size) {
      throw new Error(`${name}: expected a ${size}×${size} PNG, got ${width}×${height}`);
    }
    console.log(`✓ public/icons/${name} (${size}×${size}, ${png.length} octets)`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
