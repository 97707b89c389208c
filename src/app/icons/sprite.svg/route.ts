import { spriteSvg } from "@/components/ui/icon-sprite";

// Built once with the app: every pictogram as a <symbol>, referenced by the pages' <use>.
export const dynamic = "force-static";

export function GET() {
  return new Response(spriteSvg(), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // a new build may redraw them: a day, then revalidated
      "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
    },
  });
}
