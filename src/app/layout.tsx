import type { Metadata, Viewport } from "next";
import type { CSSProperties, ReactNode } from "react";
import { PwaRegister } from "@/components/PwaRegister";
import { SiteFooter } from "@/components/SiteFooter";
import { SiteHeader } from "@/components/SiteHeader";
import { TrpcReactProvider } from "@/lib/trpc/client";
import { ServiceUnavailable } from "@/components/ServiceUnavailable";
import { currentUser } from "@/server/api/session";
import { databaseIfAvailable } from "@/server/db";
import { loadInstanceConfig } from "@/server/config/config";
import { refreshInstanceSettingsIfStale } from "@/server/instance/settings";
import "./globals.css";

// Every page shows who is signed in (and most read the database): render per request.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // every page renders through here: settings saved by another process show within seconds
  // (without a database, the instance file's settings: the page then says the service is down)
  const db = await databaseIfAvailable();
  if (db) await refreshInstanceSettingsIfStale(db);
  const config = loadInstanceConfig();
  return {
    title: { default: config.displayName, template: `%s – ${config.displayName}` },
    description: `${config.displayName} : trouver un emploi ou recruter près de chez vous. Un service de ${config.organisation}.`,
    manifest: "/manifest.webmanifest",
    icons: { icon: config.branding.logo, apple: "/icons/apple-touch-icon.png" },
    appleWebApp: { capable: true, title: config.displayName, statusBarStyle: "default" },
    robots: { index: true, follow: true },
  };
}

export async function generateViewport(): Promise<Viewport> {
  const db = await databaseIfAvailable();
  if (db) await refreshInstanceSettingsIfStale(db);
  const config = loadInstanceConfig();
  // No maximum scale: people must be able to zoom.
  return { width: "device-width", initialScale: 1, themeColor: config.branding.primaryColor };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Without a database no page can work: every page then says so in French (and /api/health
  // answers 503) rather than failing with a bare server error.
  const db = await databaseIfAvailable();
  if (db) await refreshInstanceSettingsIfStale(db);
  const config = loadInstanceConfig();
  const user = db ? await currentUser() : null;
  const { branding } = config;
  // The instance's colours (validated as #RRGGBB by the config schema) become CSS variables.
  const theme = {
    "--color-primary": branding.primaryColor,
    "--color-on-primary": branding.primaryTextColor,
    "--color-accent": branding.accentColor,
  } as CSSProperties;
  return (
    <html lang="fr" style={theme}>
      <body>
        <a href="#contenu" className="skip-link">
          Aller au contenu
        </a>
        <SiteHeader displayName={config.displayName} organisation={config.organisation} logo={branding.logo} />
        <main id="contenu" className="site-main" tabIndex={-1}>
          <div className="container">
            <TrpcReactProvider>{db ? children : <ServiceUnavailable />}</TrpcReactProvider>
          </div>
        </main>
        <SiteFooter organisation={config.organisation} />
        {/* signed out: the service worker forgets the offers it kept (shared phones) */}
        <PwaRegister signedIn={Boolean(user)} />
      </body>
    </html>
  );
}
