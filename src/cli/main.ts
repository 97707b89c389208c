// The operators' command line: `npm run cli -- <command>`. Output for people goes to stderr
// when a command also prints JSON, so `--json` output can be piped.
import { ZodError } from "zod";
import { databaseConfigFromEnv, DatabaseConfigError, openDatabase, type DatabaseHandle } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { importReferenceData } from "../server/referentials/import";
import { loadInstanceConfig, InstanceConfigError } from "../server/config/config";
import { syncTerritories, TerritoryConfigError } from "../server/instance/territories";
import { createStaffAccount } from "../server/auth/accounts";
import { createStaffInput, passwordSchema } from "../server/auth/inputs";
import { FieldErrors } from "../server/lib/field-errors";
import { DEMO_PASSWORD, seedDemo } from "../server/demo/seed";
import { matchCandidatesForOffer, matchFormationsForBeneficiary, matchOffersForBeneficiary } from "../server/matching/queries";
import { findOfferId, findProfileId } from "../server/matching/targets";
import { refreshInstanceSettings } from "../server/instance/settings";
import { parseArgs, stringOption, UsageError } from "./args";
import { instanceInit } from "./instance-command";
import { checkStatsArgs, statsCommand } from "./stats-command";
import { checkSearchArgs, searchCommand } from "./search-command";
import { backupCommand, checkBackupArgs } from "./backup-command";
import { checkImportArgs, importCommand } from "./import-command";
import { dateOption, deliverySender, followupsDeliver, followupsDue, followupsRemind } from "./followups-command";
import { privacyPurge } from "./privacy-command";
import { notificationsPreview, notificationsSendDue, notificationsStatus, notificationsVapid, nowOption } from "./notifications-command";

const USAGE = `Usage : npm run cli -- <commande>

  db migrate                         applique les migrations (drizzle/)
  db backup FICHIER [--force]        sauvegarde la base (pg_dump, ou archive PGlite) ; --force écrase FICHIER
  db restore FICHIER [--force]       restaure FICHIER dans la base configurée, vide sauf --force (PGlite : application arrêtée)
  ref import [--force]               charge communes, ROME et territoires de l'instance
  users create --role R --email E [--first-name P] [--last-name N] [--territory T] [--password MDP]
                                     crée un compte (sans --password : affiche un code d'activation)
  seed demo                          crée le jeu de démonstration de l'instance
  instance init --departement D --name N [--id ID] [--organisation O] [--out FICHIER] [--force]
                                     écrit le fichier d'une nouvelle instance (un territoire par EPCI), sans base
  import beneficiaries|offers|formations FICHIER [--dry-run]
                                     importe un CSV (rapport JSON sur la sortie standard)
  match candidates --offer ID [--limit N] [--json]
  match offers --beneficiary ID [--limit N] [--json]
  match formations --beneficiary ID [--limit N] [--json]
                                     classement du rapprochement (ID interne ou external_id)
  stats [--from AAAA-MM] [--to AAAA-MM] [--territory CODE] [--json]
                                     statistiques du tableau de bord (par défaut : les 12 derniers mois)
  search reindex [offers|formations|profiles|all]
                                     reconstruit l'index de recherche depuis la base, sans interruption
  search status [--json]             moteur de recherche et état de la file d'indexation
  search drain                       traite la file d'indexation maintenant
  followups due [--date AAAA-MM-JJ] [--adviser EMAIL] [--json]
                                     points de suivi en retard et de la semaine (date : aujourd'hui à Paris)
  followups remind [--date AAAA-MM-JJ]
                                     rappels des points de suivi échus (notification + e-mail en boîte d'envoi)
  followups deliver                  envoie les e-mails de la boîte d'envoi par SMTP (SMTP_URL, MAIL_FROM)
  notifications send-due [--now AAAA-MM-JJTHH:MM:SS+01:00] [--json]
                                     fait tout ce qui est dû à cet instant (rappels, récapitulatifs,
                                     alertes, liens de suivi) puis envoie e-mails, SMS et notifications
  notifications status [--json]      messages en attente, envoyés, en échec, par canal et catégorie
  notifications preview --kind CATÉGORIE [--html]
                                     affiche un e-mail d'exemple de la catégorie
  notifications vapid                affiche de nouvelles clés VAPID pour les notifications web push
  privacy purge [--date AAAA-MM-JJ] [--json]
                                     durée de conservation : prévient puis efface les profils inactifs,
                                     retire de la boîte d'envoi les e-mails de plus de 30 jours

Base : DATABASE_URL (PostgreSQL) ou, sinon, PGlite dans PGLITE_DIR (.data/pglite par défaut).`;

const log = (msg: string) => process.stderr.write(`${msg}\n`);

async function withDatabase<T>(fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(databaseConfigFromEnv());
  log(`Base : ${handle.description}`);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

async function run(argv: string[]): Promise<void> {
  const { positionals, options } = parseArgs(argv);
  const [group, action] = positionals;
  const command = `${group ?? ""} ${action ?? ""}`.trim();
  switch (command) {
    case "db migrate":
      return withDatabase(async (h) => {
        const t0 = Date.now();
        await migrateDatabase(h);
        log(`Migrations appliquées (${Date.now() - t0} ms).`);
      });
    case "db backup":
    case "db restore": {
      const args = checkBackupArgs(action, positionals[2], options); // before touching any database
      return backupCommand(databaseConfigFromEnv(), args, log); // opens the database itself (PGlite restore must not open the target)
    }
    case "ref import":
      return withDatabase(async (h) => {
        // territories changed in the browser must survive a re-import (the compose migrate job runs one)
        await refreshInstanceSettings(h.db);
        const config = loadInstanceConfig();
        const t0 = Date.now();
        const report = await importReferenceData(h.db, { force: options.force === true });
        for (const [name, r] of Object.entries(report)) {
          log(r.skipped ? `${name} : déjà à jour` : `${name} : ${r.rows} lignes chargées`);
        }
        const t = await syncTerritories(h.db, config);
        log(`Instance ${config.id} : ${t.territories} territoires, ${t.communes} communes (${Date.now() - t0} ms).`);
      });
    case "users create": {
      // Options are checked before the database is opened: a typo costs nothing.
      const input = createStaffInput.parse({
        role: stringOption(options, "role", true),
        email: stringOption(options, "email", true),
        firstName: stringOption(options, "first-name") ?? "Prénom",
        lastName: stringOption(options, "last-name") ?? "Nom",
        territoryCode: stringOption(options, "territory") ?? null,
      });
      const password = stringOption(options, "password");
      if (password !== undefined) passwordSchema.parse(password);
      return withDatabase(async (h) => {
        const created = await createStaffAccount(h.db, null, input, password);
        log(`Compte ${input.role} créé : ${created.user.email} (${created.user.id})`);
        if (created.accessCode) {
          log(`Code d'activation (valable jusqu'au ${created.expiresAt!.toLocaleDateString("fr-FR")}) : ${created.accessCode}`);
          log(`À saisir sur /activer.`);
        }
      });
    }
    case "stats":
      checkStatsArgs(options); // checked before the database is opened
      return withDatabase((h) => statsCommand(h.db, options, (s) => process.stdout.write(s), log));
    case "search reindex":
    case "search status":
    case "search drain": {
      const args = checkSearchArgs(action, positionals[2]); // checked before the database is opened
      return withDatabase((h) => searchCommand(h.db, args, options, (s) => process.stdout.write(s), log));
    }
    case "instance init":
      instanceInit(options, log); // opens no database
      return;
    case "seed demo":
      return withDatabase(async (h) => {
        await refreshInstanceSettings(h.db);
        const report = await seedDemo(h.db, loadInstanceConfig());
        log(`Démonstration : ${report.created} comptes créés, ${report.existing} déjà présents.`);
        log(`\nComptes de démonstration (mot de passe commun : ${DEMO_PASSWORD}) :`);
        for (const a of report.accounts.filter((x, i, all) => all.findIndex((y) => y.role === x.role) === i || x.role === "adviser")) {
          log(`  ${a.role.padEnd(12)} ${a.email}${a.territory ? `  (territoire ${a.territory})` : ""}`);
        }
        log(`  (et ${report.accounts.length} comptes en tout : beneficiaire1…20, employeur1…5, organisme1…2)`);
      });
    case "import beneficiaries":
    case "import offers":
    case "import formations": {
      const file = positionals[2];
      checkImportArgs(action!, file); // before opening the database: kind, file given, file exists
      return withDatabase((h) => importCommand(h.db, action!, file!, options["dry-run"] === true));
    }
    case "match candidates":
    case "match offers":
    case "match formations": {
      const limit = Number(stringOption(options, "limit") ?? (action === "candidates" ? 50 : 20));
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError("--limit attend un entier entre 1 et 1000");
      const ref = stringOption(options, action === "candidates" ? "offer" : "beneficiary", true);
      return withDatabase(async (h) => {
        const items =
          action === "candidates"
            ? await matchCandidatesForOffer(h.db, await required(findOfferId(h.db, ref), `Offre introuvable : ${ref}`), limit)
            : await (action === "offers" ? matchOffersForBeneficiary : matchFormationsForBeneficiary)(
                h.db,
                await required(findProfileId(h.db, ref), `Bénéficiaire introuvable : ${ref}`),
                limit,
              );
        if (options.json) {
          process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
          return;
        }
        for (const i of items) {
          process.stdout.write(
            `${String(i.rank).padStart(3)}. ${i.score.toFixed(1).padStart(5)}  ${i.distanceKm.toFixed(1).padStart(6)} km  ${i.externalId ?? i.id}  ${i.reasons.join(" · ")}\n`,
          );
        }
        log(`${items.length} résultat(s).`);
      });
    }
    case "followups due":
      dateOption(options); // checked before the database is opened
      return withDatabase((h) => followupsDue(h.db, options, (s) => process.stdout.write(s), log));
    case "followups remind":
      dateOption(options);
      return withDatabase((h) => followupsRemind(h.db, options, log));
    case "followups deliver": {
      const sender = await deliverySender();
      return withDatabase((h) => followupsDeliver(h.db, sender, log));
    }
    case "notifications send-due": {
      const now = nowOption(options);
      return withDatabase((h) => notificationsSendDue(h.db, now, options, (s) => process.stdout.write(s), log));
    }
    case "notifications status":
      return withDatabase((h) => notificationsStatus(h.db, options, (s) => process.stdout.write(s)));
    case "notifications preview":
      return notificationsPreview(options, (s) => process.stdout.write(s));
    case "notifications vapid":
      return notificationsVapid((s) => process.stdout.write(s));
    case "privacy purge": {
      const today = dateOption(options); // checked before the database is opened
      return withDatabase((h) => privacyPurge(h.db, today, options, (s) => process.stdout.write(s), log));
    }
    case "":
    case "help":
      log(USAGE);
      return;
    default:
      throw new UsageError(`Commande inconnue : ${command}\n\n${USAGE}`);
  }
}

async function required<T>(value: Promise<T | null>, message: string): Promise<T> {
  const v = await value;
  if (v === null) throw new UsageError(message);
  return v;
}

function describeError(err: unknown): string {
  if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join(".") || "valeur"} : ${i.message}`).join("\n");
  if (err instanceof FieldErrors) return Object.entries(err.fields).map(([k, v]) => `${k} : ${v.join(" ")}`).join("\n");
  if (
    err instanceof UsageError ||
    err instanceof DatabaseConfigError ||
    err instanceof InstanceConfigError ||
    err instanceof TerritoryConfigError
  ) {
    return err.message;
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "ENOENT") return `Fichier introuvable : ${e.path ?? e.message}`;
  if (e?.code === "ECONNREFUSED") return `Base de données injoignable : ${e.message}`;
  return e?.message ?? String(err);
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (err) => {
    log(`Erreur : ${describeError(err)}`);
    if (process.env.DEBUG) console.error(err);
    process.exit(1);
  },
);
