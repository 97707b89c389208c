import { isValidElement, type ReactNode } from "react";
import { iconShapes } from "./icons";

const escape = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The drawings are plain SVG elements (path, circle, rect) with string or number attributes. */
function markup(node: ReactNode): string {
  if (Array.isArray(node)) return node.map(markup).join("");
  if (!isValidElement<Record<string, unknown>>(node)) return "";
  const { children, ...attrs } = node.props;
  if (typeof node.type !== "string") return markup(children as ReactNode); // a fragment
  const attributes = Object.entries(attrs)
    .filter(([, v]) => typeof v === "string" || typeof v === "number")
    .map(([k, v]) => ` ${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${escape(String(v))}"`)
    .join("");
  return `<${node.type}${attributes}>${markup(children as ReactNode)}</${node.type}>`;
}

/** The sprite: every registered pictogram as a <symbol> of its name. */
export function spriteSvg(): string {
  const symbols = iconShapes()
    .map(([name, shape]) => `<symbol id="${escape(name)}" viewBox="0 0 24 24">${markup(shape)}</symbol>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols}</svg>`;
}

