"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ErrorSummary, type ErrorItem } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { RadioCards } from "@/components/ui/RadioCards";
import { TextField } from "@/components/ui/TextField";
import { IconCheck, IconDocument } from "@/components/ui/icons";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";
import { IMPORT_MODELS, MAX_IMPORT_BYTES, NOT_UTF8, TOO_LARGE } from "@/server/imports/models";
import type { RouterInputs, RouterOutputs } from "@/lib/trpc/types";
import { AssignPanel, type AdviserOption } from "./AssignPanel";
import { useHydrated } from "./useHydrated";

type ImportKind = RouterInputs["imports"]["preview"]["kind"];
type RejectedLine = RouterOutputs["imports"]["preview"]["rejected"][number];

const KINDS = Object.keys(IMPORT_MODELS) as ImportKind[];
const FIELD_IDS = { kind: "import-kind", text: "import-file", checksum: "import-file" };

function plural(n: number, one: string, many: string) {
  return `${n} ${n > 1 ? many : one}`;
}

/** The refused lines with their reasons (caption "Lignes refusées"). */
function RejectedTable({ rejected }: { rejected: RejectedLine[] }) {
  if (rejected.length === 0) return null;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="rejected-caption">
      <table className="table" data-testid="rejected-lines">
        <caption id="rejected-caption">Lignes refusées</caption>
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Raison</th>
          </tr>
        </thead>
        <tbody>
          {rejected.map((r) => (
            <tr key={r.line}>
              <th scope="row">{r.line}</th>
              <td className="break">{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A v4 UUID (crypto.randomUUID exists only on https and localhost). */
function randomId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** "12 000 lignes vérifiées sur 50 000", with a bar, while the server checks the file. */
function CheckProgress({ progress }: { progress: { checked: number; total: number } | null }) {
  const n = (v: number) => v.toLocaleString("fr-FR");
  return (
    <div className="import-progress" data-testid="import-progress">
      {progress && progress.total > 0 ? (
        <>
          <progress max={progress.total} value={progress.checked} aria-labelledby="import-progress-text" />
          <p id="import-progress-text" role="status">
            {n(progress.checked)} ligne{progress.checked > 1 ? "s" : ""} vérifiée{progress.checked > 1 ? "s" : ""} sur {n(progress.total)}…
          </p>
        </>
      ) : (
        <p role="status">Lecture du fichier…</p>
      )}
    </div>
  );
}

/** Reads the chosen file as UTF-8 text, or says in French why it cannot be used. */
async function readCsv(file: File | null): Promise<{ text: string } | { error: string }> {
  if (!file) return { error: "Choisissez un fichier CSV." };
  if (file.size > MAX_IMPORT_BYTES) return { error: TOO_LARGE };
  if (file.size === 0) return { error: "Le fichier est vide." };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()) };
  } catch {
    return { error: NOT_UTF8 };
  }
}

/**
 * Imports in two steps: "Vérifier le fichier" runs the importer without writing and shows
 * what it would do, line by line; "Importer N lignes" imports that very file (the server
 * checks its checksum). After a beneficiaries import, the new people can be assigned at once.
 */
export function ImportWizard({ advisers }: { advisers: AdviserOption[] }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const preview = useMutation(trpc.imports.preview.mutationOptions());
  const run = useMutation(trpc.imports.run.mutationOptions());
  const [kind, setKind] = useState<ImportKind>("beneficiaries");
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<{ kind: ImportKind; text: string } | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // a new key empties the file input (it cannot be set from code)
  const [formKey, setFormKey] = useState(0);
  const previewRef = useRef<HTMLHeadingElement>(null);
  // asks the server how far the check has gone while it runs (lines checked out of total)
  const [progressId, setProgressId] = useState<string | null>(null);
  const progress = useQuery({
    ...trpc.imports.previewProgress.queryOptions({ progressId: progressId ?? "00000000-0000-4000-8000-000000000000" }),
    enabled: Boolean(progressId) && preview.isPending,
    refetchInterval: 1000,
    gcTime: 0,
  });
  const resultRef = useRef<HTMLHeadingElement>(null);

  const failed = run.error ?? preview.error;
  const { fieldErrors, errors } = formErrorsOf(failed, FIELD_IDS);
  const summary: ErrorItem[] = localError ? [{ message: localError, fieldId: FIELD_IDS.text }] : errors;

  useEffect(() => {
    if (preview.isSuccess) previewRef.current?.focus();
  }, [preview.isSuccess, preview.data]);
  useEffect(() => {
    if (run.isSuccess) resultRef.current?.focus();
  }, [run.isSuccess]);

  /** A new kind or file: what was checked no longer holds. */
  function restart() {
    preview.reset();
    run.reset();
    setChecked(null);
    setLocalError(null);
  }

  async function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (preview.isPending) return;
    restart();
    const read = await readCsv(file);
    if ("error" in read) {
      setLocalError(read.error);
      setAttempt((n) => n + 1);
      return;
    }
    setChecked({ kind, text: read.text });
    const id = randomId();
    setProgressId(id);
    preview.mutate({ kind, text: read.text, progressId: id }, { onError: () => setAttempt((n) => n + 1) });
  }

  function onImport() {
    if (!checked || !preview.data || run.isPending) return;
    run.mutate(
      { kind: checked.kind, text: checked.text, checksum: preview.data.checksum },
      { onError: () => setAttempt((n) => n + 1) },
    );
  }

  const model = IMPORT_MODELS[kind];
  const toWrite = preview.data ? preview.data.created + preview.data.updated : 0;
  const label = checked ? IMPORT_MODELS[checked.kind].label : model.label;

  return (
    <>
      <Card title="Importer un fichier" icon={<IconDocument />} id="importer">
        <form key={formKey} onSubmit={onCheck} className="form" noValidate>
          <ErrorSummary errors={summary} focusKey={attempt} />
          <RadioCards
            id={FIELD_IDS.kind}
            name="kind"
            legend="Type de fichier"
            value={kind}
            error={fieldErrors.kind}
            onChange={(v) => {
              setKind(v as ImportKind);
              restart();
            }}
            options={KINDS.map((k) => ({ value: k, label: IMPORT_MODELS[k].label[0]!.toUpperCase() + IMPORT_MODELS[k].label.slice(1), hint: IMPORT_MODELS[k].description }))}
            columns={1}
          />
          <p>
            <a
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${model.text}`)}`}
              download={model.fileName}
            >
              Télécharger un fichier modèle ({model.label}, avec une ligne d'exemple)
            </a>
          </p>
          <TextField
            id={FIELD_IDS.text}
            name="file"
            type="file"
            label="Fichier CSV"
            hint="Au format CSV UTF-8, séparateur ; ou virgule, 5 Mo au plus. La première ligne donne les noms des colonnes."
            accept=".csv,text/csv"
            error={localError ? [localError] : (fieldErrors.text ?? fieldErrors.checksum)}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              restart();
            }}
          />
          <Button type="submit" icon={<IconCheck />} disabled={!hydrated} busy={preview.isPending} busyLabel="Vérification…">
            Vérifier le fichier
          </Button>
          {preview.isPending ? <CheckProgress progress={progress.data ?? null} /> : null}
        </form>
      </Card>

      {preview.data && checked && !run.data ? (
        <Card title="Vérification" id="verification">
          <h3 ref={previewRef} tabIndex={-1}>
            Ce que l'import ferait ({label})
          </h3>
          <ul data-testid="import-preview">
            <li>À créer : {preview.data.created}</li>
            <li>À mettre à jour : {preview.data.updated}</li>
            <li>Déjà à jour (inchangées) : {preview.data.unchanged}</li>
            <li>Refusées : {preview.data.rejected.length}</li>
          </ul>
          <p className="muted">Rien n'a encore été enregistré.</p>
          <RejectedTable rejected={preview.data.rejected} />
          {toWrite > 0 ? (
            <>
              {preview.data.rejected.length > 0 ? (
                <p>Les lignes refusées ne seront pas importées ; corrigez-les dans le fichier puis importez-le de nouveau.</p>
              ) : null}
              <Button icon={<IconCheck />} onClick={onImport} busy={run.isPending} busyLabel="Import en cours…">
                {`Importer ${plural(toWrite, "ligne", "lignes")}`}
              </Button>
            </>
          ) : (
            <Notice tone="info">
              <p>Aucune ligne à importer : tout est déjà à jour ou refusé.</p>
            </Notice>
          )}
        </Card>
      ) : null}

      {run.data && checked ? (
        <Card title="Résultat de l'import" id="resultat">
          <h3 ref={resultRef} tabIndex={-1} data-testid="import-result">
            Import terminé : {plural(run.data.created, "ligne créée", "lignes créées")},{" "}
            {plural(run.data.updated, "mise à jour", "mises à jour")}, {plural(run.data.unchanged, "inchangée", "inchangées")},{" "}
            {plural(run.data.rejected.length, "refusée", "refusées")}.
          </h3>
          <RejectedTable rejected={run.data.rejected} />
          {checked.kind === "beneficiaries" && run.data.createdIds.length > 0 ? (
            <section aria-labelledby="assign-created-title">
              <h3 id="assign-created-title">Affecter les personnes créées</h3>
              {advisers.length === 0 ? (
                <p>Aucun conseiller actif : créez d'abord un compte de conseiller.</p>
              ) : (
                <AssignPanel
                  idPrefix="assign-created"
                  profileIds={run.data.createdIds}
                  advisers={advisers}
                  action={`Affecter ${plural(run.data.createdIds.length, "personne créée", "personnes créées")}`}
                />
              )}
            </section>
          ) : null}
          <Button
            variant="secondary"
            onClick={() => {
              restart();
              setFile(null);
              setFormKey((k) => k + 1);
            }}
          >
            Importer un autre fichier
          </Button>
        </Card>
      ) : null}
    </>
  );
}
