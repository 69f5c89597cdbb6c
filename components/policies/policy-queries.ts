import { fetchJson } from "@/components/shared/fetch-json";
import type { ActivePolicySetDto, PolicyProposalDto, PolicyProposalSummary } from "@/lib/policy/review-schemas";
import type { PolicyDocument, PolicyValidationError } from "@/lib/policy/schemas";
import type { HypotheticalRequest, SimulationResult } from "@/lib/policy/simulation-schemas";

export type { ActivePolicySetDto, PolicyProposalDto, PolicyProposalSummary };

// The pages call the admin API itself, with the browser session (same-origin JSON), as scripts call it with a token.
const postJson = <T>(url: string, body: unknown) =>
  fetchJson<T>(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export const fetchActivePolicies = () => fetchJson<ActivePolicySetDto>("/api/v1/admin/policies");
export const fetchPolicyProposals = async () => (await fetchJson<{ items: PolicyProposalSummary[] }>("/api/v1/admin/policy-proposals")).items;
export const fetchPolicyProposal = (id: string) => fetchJson<PolicyProposalDto>(`/api/v1/admin/policy-proposals/${encodeURIComponent(id)}`);

export const validatePolicies = (policies: PolicyDocument[]) => postJson<{ valid: true }>("/api/v1/admin/policies/validate", { policies });
export const proposePolicies = (policies: PolicyDocument[], note: string) => postJson<PolicyProposalDto>("/api/v1/admin/policy-proposals", { policies, note });
export const decideProposal = (id: string, decision: "approve" | "reject", note?: string) =>
  postJson<PolicyProposalDto>(`/api/v1/admin/policy-proposals/${encodeURIComponent(id)}/${decision}`, note ? { note } : {});

/** The policy errors a 400 from validate or propose carries. */
export const policyErrorsOf = (problem: { errors?: unknown[] }): PolicyValidationError[] =>
  (problem.errors ?? []).filter((error): error is PolicyValidationError => typeof error === "object" && error !== null && "policyId" in error);

export const simulatePolicies = (body: { policies: PolicyDocument[]; since?: string; request?: HypotheticalRequest }) =>
  postJson<SimulationResult>("/api/v1/admin/policies/simulate", body);
