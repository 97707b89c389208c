import { formatDateTime } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { RefusedNotice } from "@/components/RefusedNotice";
import { ROLE_LABELS, STATUS_HELP, STATUS_LABELS } from "@/components/roles";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { SelectField, TextField } from "@/components/ui/TextField";
import { IconUsers } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { ROLES, type Role } from "@/server/auth/schema";
import { StaffAccountActions } from "@/components/admin/StaffAccountActions";
import { CreateStaffForm } from "./CreateStaffForm";
import { UserStatusButton } from "./UserStatusButton";

export const metadata: Metadata = { title: "Administration" };

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The list's URL with some parameters changed (empty values dropped). */
function listHref(params: { role: string; q: string; page: number }) {
  const search = new URLSearchParams();
  if (params.role) search.set("role", params.role);
  if (params.q) search.set("q", params.q);
  if (params.page > 1) search.set("page", String(params.page));
  const qs = search.toString();
  return `/admin${qs ? `?${qs}` : ""}#utilisateurs`;
}

export default async function AdminHome({ searchParams }: Props) {
  const me = await requirePageRole(["admin"], "/admin");
  const params = await searchParams;
  const roleParam = first(params.role);
  const role = (ROLES as readonly string[]).includes(roleParam) ? (roleParam as Role) : undefined;
  const q = first(params.q).trim().slice(0, 100);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(params.page), 10) || 1));

  const caller = await serverCaller();
  const [list, info, caseloads] = await Promise.all([
    caller.accounts.list({ role, query: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    caller.instance.info(),
    caller.caseload.countsByAdviser(),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const territoryName = new Map(info.territories.map((t) => [t.code, t.name]));
  const territories = info.territories.map((t) => ({ code: t.code, name: t.name }));

  return (
    <>
      <RefusedNotice searchParams={searchParams} />
      <PageHeader title="Administration" intro={`Les comptes de ${info.displayName}.`} />

      <CreateStaffForm territories={territories} timeZone={instanceTimeZone()} />

      <Card title="Conseillers" icon={<IconUsers />} id="conseillers">
        {caseloads.advisers.length === 0 ? (
          <p>Aucun compte de conseiller pour l'instant.</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="advisers-caption">
            <table className="table">
              <caption id="advisers-caption">Personnes suivies par conseiller</caption>
              <thead>
                <tr>
                  <th scope="col">Conseiller</th>
                  <th scope="col">Territoire</th>
                  <th scope="col">Personnes suivies</th>
                  <th scope="col">Dossiers archivés</th>
                </tr>
              </thead>
              <tbody>
                {caseloads.advisers.map((a) => (
                  <tr key={a.adviserId} data-testid={`adviser-row-${a.email ?? a.adviserId}`}>
                    <th scope="row">
                      {`${a.firstName} ${a.lastName}`.trim() || "(sans nom)"}
                      {a.status !== "active" ? <span className="muted"> ({STATUS_LABELS[a.status].toLowerCase()})</span> : null}
                    </th>
                    <td>{a.territoryCode ? (territoryName.get(a.territoryCode) ?? a.territoryCode) : "Tout"}</td>
                    <td>{a.active}</td>
                    <td>{a.archived}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          Sans conseiller :{" "}
          {caseloads.unassigned.length === 0
            ? "personne"
            : caseloads.unassigned
                .map((u) => `${u.territoryCode ? (territoryName.get(u.territoryCode) ?? u.territoryCode) : "hors territoire"} : ${u.count}`)
                .join(" ; ")}
          . <Link href="/admin/affectations">Voir les personnes et leur attribuer un conseiller</Link>
        </p>
      </Card>

      <Card title="Utilisateurs" icon={<IconUsers />} id="utilisateurs">
        <form method="get" action="/admin#utilisateurs" className="filters" role="search" aria-label="Filtrer les utilisateurs">
          <SelectField
            id="filter-role"
            name="role"
            label="Type de compte"
            defaultValue={role ?? ""}
            options={[{ value: "", label: "Tous" }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]}
          />
          <TextField id="filter-q" name="q" type="search" label="Nom ou adresse e-mail" defaultValue={q} autoComplete="off" />
          <div className="field">
            <button type="submit" className="btn btn--primary">
              Filtrer
            </button>
          </div>
        </form>

        <p role="status" id="users-count">
          {list.total === 0
            ? "Aucun compte ne correspond."
            : `${list.total} compte${list.total > 1 ? "s" : ""}${pages > 1 ? ` — page ${page} sur ${pages}` : ""}.`}
        </p>

        {list.users.length > 0 ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="users-caption">
            <table className="table">
              <caption id="users-caption">
                Comptes{role ? ` : ${ROLE_LABELS[role]}` : ""}
                {q ? ` contenant « ${q} »` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Adresse e-mail</th>
                  <th scope="col">Type</th>
                  <th scope="col">Territoire</th>
                  <th scope="col">État</th>
                  <th scope="col">Dernière connexion</th>
                  <th scope="col">Territoire et rôle</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {list.users.map((u) => {
                  const name = `${u.firstName} ${u.lastName}`.trim() || "(sans nom)";
                  return (
                    <tr key={u.id} data-testid={`user-row-${u.email ?? u.id}`}>
                      <th scope="row">{name}</th>
                      <td className="break">{u.email ?? <span className="muted">pas encore</span>}</td>
                      <td>{ROLE_LABELS[u.role]}</td>
                      <td>{u.territoryCode ? (territoryName.get(u.territoryCode) ?? u.territoryCode) : "Tout"}</td>
                      <td className="nowrap">
                        <span className={`badge badge--${u.status}`}>{STATUS_LABELS[u.status]}</span>
                      </td>
                      <td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt, instanceTimeZone()) : <span className="muted">jamais</span>}</td>
                      <td>
                        {u.role === "adviser" || u.role === "admin" ? (
                          <StaffAccountActions
                            userId={u.id}
                            name={name}
                            role={u.role}
                            territoryCode={u.territoryCode}
                            territories={territories}
                            self={u.id === me.id}
                          />
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td className="nowrap">
                        {u.id === me.id ? (
                          <span className="muted">vous</span>
                        ) : u.status === "pending" ? (
                          <span className="muted">—</span>
                        ) : (
                          <UserStatusButton userId={u.id} status={u.status} name={name} />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}

        <p className="muted">
          États : {(["active", "pending", "disabled"] as const).map((st, i) => (
            <span key={st}>
              {i > 0 ? " ; " : ""}
              <strong>{STATUS_LABELS[st]}</strong> : {STATUS_HELP[st]}
            </span>
          ))}
          .
        </p>

        <Pagination page={page} pages={pages} href={(p) => listHref({ role: role ?? "", q, page: p })} />
      </Card>
    </>
  );
}
