"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DetailHeader } from "@/components/admin/detail-header";
import { SectionCard } from "@/components/admin/section-card";
import { StatusBadge } from "@/components/admin/status-badge";
import { queryKeys } from "@/components/live/query-keys";
import { RequestApprovals } from "@/components/requests/request-approvals";
import { RequestHistory } from "@/components/requests/request-history";
import { ScopeRisk } from "@/components/requests/scope-risks";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/cn";
import { formatDuration } from "@/lib/kernel/duration";
import { grantStateAt } from "@/lib/grants/grant-state-at";
import { fetchGrant, type GrantDetail } from "./grant-queries";
import { RevokeGrantDialog } from "./revoke-grant-dialog";
import { COUNTDOWN_TICK_MS, useNow } from "@/components/shared/use-now";
import { Fact } from "@/components/ui/fact";
import { TimeLeftBar } from "@/components/context/time-left-bar";
import { DelegationFacts } from "@/components/requests/delegation-facts";
import { ConstraintList } from "@/components/requests/constraint-list";

type RequestOrigin = Extract<GrantDetail["origin"], { requestId: string }>;

/** One grant: its state with a live countdown, where it came from, how it ended, and its audit history — kept live. */
export function GrantDetailView({ grantId }: { grantId: string }) {
  const { data: grant, error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.grant(grantId), queryFn: () => fetchGrant(grantId) });
  const now = useNow(dataUpdatedAt, COUNTDOWN_TICK_MS);
  if (!grant) return <Alert>The grant could not be loaded{error ? `: ${error.message}` : "."}</Alert>;
  const status = grantStateAt(grant, now);

  return (
    <div className="flex flex-col gap-5">
      <DetailHeader
        listHref="/grants"
        listLabel="Grants"
        title={
          <>
            Grant to {grant.agent.name} <StatusBadge status={status} />
          </>
        }
        description={<span className="font-mono text-xs">{grant.id}</span>}
      >
        {grant.canRevoke && status === "ACTIVE" && <RevokeGrantDialog grantId={grant.id} agentName={grant.agent.name} />}
      </DetailHeader>
      {error && <Alert>The grant could not be refreshed: {error.message}</Alert>}
      <GrantFacts grant={grant} status={status} now={now} />
      <SectionCard title="Scopes granted">
        <ScopeList scopes={grant.scopes} />
      </SectionCard>
      {grant.credentials.length > 0 && <GrantCredentials credentials={grant.credentials} />}
      <Provenance grant={grant} now={now} />
      <SectionCard
        title="History"
        description="The grant's and its request's audit events, oldest first."
        empty={grant.history.length === 0 && "No events recorded."}
      >
        <RequestHistory history={grant.history} now={now} />
      </SectionCard>
    </div>
  );
}

function GrantFacts({ grant, status, now }: { grant: GrantDetail; status: ReturnType<typeof grantStateAt>; now: number }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-3 rounded-lg border bg-card px-4 py-3 text-sm sm:grid-cols-3">
      <DelegationFacts item={grant} />
      <Fact term="Started">
        <RelativeTime at={grant.startsAt} now={now} />
      </Fact>
      <Fact term={status === "ACTIVE" ? "Expires" : status === "EXPIRED" ? "Expired" : "Was to expire"}>
        <RelativeTime at={grant.expiresAt} now={now} />
        <TimeLeftBar grant={grant} now={now} className="mt-1 max-w-48" />
      </Fact>
      <Fact term="Duration">{formatDuration(grant.durationSeconds)}</Fact>
      <Fact term="Constraints" wide>
        {grant.authorizationDetails ? (
          <ConstraintList constraints={grant.authorizationDetails} label="Constraints" />
        ) : (
          <span className="text-muted-foreground">None: any resource, any action within its scopes</span>
        )}
      </Fact>
      {grant.revokedAt && (
        <>
          <Fact term="Revoked">
            <RelativeTime at={grant.revokedAt} now={now} />
          </Fact>
          <Fact term="Revoked by">{grant.revokedBy}</Fact>
          <Fact term="Revoked because">
            <p className="whitespace-pre-line wrap-break-word">{grant.revokeReason}</p>
          </Fact>
        </>
      )}
    </dl>
  );
}

function ScopeList({ scopes, dropped = [] }: { scopes: GrantDetail["scopes"]; dropped?: string[] }) {
  return (
    <ul className="flex flex-col divide-y">
      {scopes.map((scope) => (
        <li key={scope.key} className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm">
          <span className={cn("font-mono text-xs", dropped.includes(scope.key) && "text-muted-foreground line-through")}>{scope.key}</span>
          <ScopeRisk risk={scope.risk} />
          {dropped.includes(scope.key) && <Badge tone="warning">not granted</Badge>}
          {scope.description && <span className="text-xs text-muted-foreground">{scope.description}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Where the grant came from: a request (auto-approved by policy or approved by people) or a direct grant. */
function Provenance({ grant, now }: { grant: GrantDetail; now: number }) {
  if (grant.origin.kind === "direct")
    return (
      <SectionCard title="How it was granted">
        <p className="px-4 py-3 text-sm">
          Direct grant by {grant.grantedBy}, without an access request{grant.incident ? " (authority for an incident)" : ""}.
          {grant.origin.reason && <span className="mt-1 block whitespace-pre-line wrap-break-word">Reason: {grant.origin.reason}</span>}
        </p>
      </SectionCard>
    );
  const origin = grant.origin;
  return (
    <>
      <SectionCard
        title="What was asked"
        description={
          <>
            From{" "}
            <Link href={`/requests/${origin.requestId}`} className="text-primary underline underline-offset-4">
              the access request
            </Link>
            , filed <RelativeTime at={origin.requestedAt} now={now} />.
          </>
        }
      >
        <AskedVersusGranted grant={grant} origin={origin} />
      </SectionCard>
      {origin.kind === "auto-approved" ? (
        <SectionCard title="Approvals">
          <p className="px-4 py-3 text-sm">Auto-approved by policy: every scope asked for is approved without a person.</p>
        </SectionCard>
      ) : (
        <SectionCard title="Approvals" empty={origin.approvals.length === 0 && "No approvals recorded."}>
          <RequestApprovals approvals={origin.approvals} now={now} />
        </SectionCard>
      )}
    </>
  );
}

function AskedVersusGranted({ grant, origin }: { grant: GrantDetail; origin: RequestOrigin }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-3 px-4 py-3 text-sm sm:grid-cols-3">
      <Fact term="Asked by">{origin.filedBy ? `${origin.filedBy.name} (${origin.filedBy.email}) for the agent` : "The agent itself"}</Fact>
      <Fact term="Duration asked">{formatDuration(origin.requestedDurationSeconds)}</Fact>
      <Fact term="Duration granted">
        {formatDuration(grant.durationSeconds)} {origin.durationShortened && <Badge tone="warning">shortened</Badge>}
      </Fact>
      <Fact term="Justification" wide>
        <p className="whitespace-pre-line wrap-break-word">{origin.justification}</p>
      </Fact>
      <Fact term={origin.droppedScopes.length > 0 ? "Scopes asked for (narrowed)" : "Scopes asked for (all granted)"} wide>
        <ScopeList scopes={origin.requestedScopes} dropped={origin.droppedScopes} />
      </Fact>
      {origin.requestedAuthorizationDetails && (
        <Fact term="Constraints asked" wide>
          <ConstraintList constraints={origin.requestedAuthorizationDetails} label="Constraints asked" />
        </Fact>
      )}
    </dl>
  );
}

const CREDENTIAL_STATES = {
  issuing: { label: "issuing", tone: "info" },
  active: { label: "active", tone: "success" },
  "cleanup-pending": { label: "cleanup pending", tone: "warning" },
  removed: { label: "removed", tone: "neutral" },
} as const;

/** The short-lived users minted for this grant (never their passwords), and whether each has been removed from its system yet. */
function GrantCredentials({ credentials }: { credentials: GrantDetail["credentials"] }) {
  return (
    <SectionCard title="Credentials" description="Users created for this grant in credential providers; removed, and their sessions cut, when the grant ends.">
      <ul aria-label="Credentials of this grant" className="flex flex-col gap-3 px-6 pb-5">
        {credentials.map((credential) => {
          const state = CREDENTIAL_STATES[credential.state];
          return (
            <li key={credential.username} className="flex flex-col gap-1 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{credential.provider}</span>
                <span className="font-mono text-xs">{credential.username}</span>
                <Badge tone={state.tone}>{state.label}</Badge>
              </div>
              <div className="font-mono text-xs text-muted-foreground">{credential.privileges.join(" · ")}</div>
              {credential.state === "cleanup-pending" && credential.lastCleanupError && (
                <div className="text-xs text-muted-foreground">
                  Attempt {credential.cleanupAttempts} failed: {credential.lastCleanupError}
                  {credential.nextCleanupAt && <> — retrying at {credential.nextCleanupAt.slice(11, 19)} UTC</>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </SectionCard>
  );
}
