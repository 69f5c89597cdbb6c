"use client";
import {
  addFederatedIdentityAction,
  registerWorkloadIssuerAction,
  removeFederatedIdentityAction,
  setAgentFederationAction,
} from "@/app/(app)/agents/[id]/actions";
import { useQueryClient } from "@tanstack/react-query";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { queryKeys } from "@/components/live/query-keys";
import { FormDialog } from "@/components/admin/form-dialog";
import { SectionCard } from "@/components/admin/section-card";
import { bindField } from "@/components/shared/bind-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { ActionsHead, Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextareaField } from "@/components/ui/textarea";
import type { AgentDetail } from "./agent-queries";

type Federation = AgentDetail["federation"];

/**
 * Workload identity federation on the agent page: the platform identities (GitHub Actions, Kubernetes,
 * SPIFFE) the agent signs in as instead of a key, whether its static keys are refused, and for admins
 * the forms to register an issuer, bind an identity and require federation.
 */
export function WorkloadIdentityCard({ agentId, federation, manageable }: { agentId: string; federation: Federation; manageable: boolean }) {
  const { identities, issuers, requireFederation } = federation;
  return (
    <SectionCard
      title="Workload identity"
      description={
        <>
          The agent exchanges its platform&apos;s signed identity token at <code className="font-mono">/api/v1/token</code> for an access token of 15 minutes:
          no standing secret.{" "}
          {requireFederation ? <Badge tone="info">Static keys refused</Badge> : <span className="text-muted-foreground">Static keys are still accepted.</span>}
        </>
      }
      actions={
        manageable && (
          <div className="flex flex-wrap gap-2">
            <RegisterIssuerDialog agentId={agentId} />
            {issuers.length > 0 && <BindIdentityDialog agentId={agentId} issuers={issuers} />}
            <RequireFederationDialog agentId={agentId} required={requireFederation} />
          </div>
        )
      }
      empty={
        identities.length === 0 && (
          <EmptyState title="No workload identities.">
            {manageable
              ? issuers.length === 0
                ? "Register the platform that signs the agent's identity tokens (Register issuer), then bind the agent to its identities."
                : "Bind the agent to the identities of a registered issuer, e.g. repository=acme/deploy for GitHub Actions."
              : "An admin binds the agent to its platform's identities."}
          </EmptyState>
        )
      }
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Issuer</TableHead>
            <TableHead>Subject</TableHead>
            <TableHead>Claims</TableHead>
            {manageable && <ActionsHead />}
          </TableRow>
        </TableHeader>
        <tbody>
          {identities.map((identity) => (
            <TableRow key={identity.id}>
              <TableCell>
                {identity.issuer.name} <span className="block text-xs text-muted-foreground">{identity.issuer.issuer}</span>
              </TableCell>
              <TableCell className="font-mono text-xs">{identity.subject ?? <span className="text-muted-foreground">any</span>}</TableCell>
              <TableCell className="font-mono text-xs">
                {Object.entries(identity.claims).map(([name, value]) => (
                  <span key={name} className="block">
                    {name}={value}
                  </span>
                ))}
              </TableCell>
              {manageable && (
                <TableCell className="text-right">
                  <ConfirmDialog
                    trigger={
                      <Button size="sm" variant="outline">
                        Remove<span className="sr-only"> identity {identity.subject ?? Object.values(identity.claims).join(" ")}</span>
                      </Button>
                    }
                    title="Remove this workload identity?"
                    description="Its tokens are refused from now on, and access tokens issued through it stop working at their next use."
                    confirmLabel="Remove identity"
                    action={removeFederatedIdentityAction}
                    fields={() => (
                      <>
                        <input type="hidden" name="agentId" value={agentId} />
                        <input type="hidden" name="identityId" value={identity.id} />
                      </>
                    )}
                  />
                </TableCell>
              )}
            </TableRow>
          ))}
        </tbody>
      </Table>
    </SectionCard>
  );
}

function RegisterIssuerDialog({ agentId }: { agentId: string }) {
  const queryClient = useQueryClient();
  // An issuer is not the agent's, so no live event refreshes this page for it: refetch here.
  const register: typeof registerWorkloadIssuerAction = async (previous, formData) => {
    const next = await registerWorkloadIssuerAction(previous, formData);
    if (next.ok) void queryClient.invalidateQueries({ queryKey: queryKeys.agent(agentId) });
    return next;
  };
  return (
    <FormDialog
      trigger={
        <Button size="sm" variant="outline">
          Register issuer
        </Button>
      }
      title="Register a workload issuer"
      description="A platform whose signed identity tokens Baton accepts. Its keys are found through OpenID discovery unless you name them."
      submitLabel="Register issuer"
      action={register}
      fields={(state) => (
        <>
          <input type="hidden" name="agentId" value={agentId} />
          <Field label="Name" required autoComplete="off" {...bindField(state, "name")} hint="Such as github-actions or prod-cluster." />
          <Field
            label="Issuer"
            required
            autoComplete="off"
            {...bindField(state, "issuer")}
            hint="The tokens' iss, e.g. https://token.actions.githubusercontent.com"
          />
          <Field label="Audience" required autoComplete="off" {...bindField(state, "audience")} hint="The aud the platform puts in tokens for Baton." />
          <Field
            label="JWKS URL (optional)"
            autoComplete="off"
            {...bindField(state, "jwksUri")}
            hint="Leave empty to use <issuer>/.well-known/openid-configuration."
          />
        </>
      )}
    />
  );
}

function BindIdentityDialog({ agentId, issuers }: { agentId: string; issuers: Federation["issuers"] }) {
  return (
    <FormDialog
      trigger={<Button size="sm">Bind identity</Button>}
      title="Bind a workload identity"
      description="The agent may sign in with any token of this issuer whose subject and claims match. Use * for any run of characters."
      submitLabel="Bind identity"
      action={addFederatedIdentityAction}
      fields={(state) => (
        <>
          <input type="hidden" name="agentId" value={agentId} />
          <SelectField label="Issuer" {...bindField(state, "issuerId")}>
            {issuers.map((issuer) => (
              <option key={issuer.id} value={issuer.id}>
                {issuer.name} ({issuer.issuer})
              </option>
            ))}
          </SelectField>
          <Field
            label="Subject (optional)"
            autoComplete="off"
            {...bindField(state, "subject")}
            hint="The token's sub, e.g. system:serviceaccount:deploy:runner or spiffe://example.org/ns/prod/*"
          />
          <TextareaField
            label="Claims"
            rows={3}
            {...bindField(state, "claims")}
            hint="One name=value per line, e.g. repository=acme/deploy and ref=refs/heads/main. Name a subject, a claim, or both."
          />
        </>
      )}
    />
  );
}

function RequireFederationDialog({ agentId, required }: { agentId: string; required: boolean }) {
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline">
          {required ? "Accept static keys again" : "Require federation"}
        </Button>
      }
      title={required ? "Accept the agent's static keys again?" : "Require workload identity federation?"}
      description={
        required
          ? "The agent's unrevoked keys work again, and new keys may be issued."
          : "The agent's static keys are refused from now on and no new ones can be issued: it signs in only with its platform's identity tokens."
      }
      confirmLabel={required ? "Accept keys" : "Require federation"}
      action={setAgentFederationAction}
      fields={() => (
        <>
          <input type="hidden" name="agentId" value={agentId} />
          <input type="hidden" name="requireFederation" value={required ? "off" : "on"} />
        </>
      )}
    />
  );
}
