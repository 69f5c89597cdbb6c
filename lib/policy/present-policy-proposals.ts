import { prisma, type Tx } from "@/lib/db";
import type { PolicyProposal } from "@/lib/generated/prisma/client";
import { activeVersionId } from "./active-policy-set";
import { diffPolicySets } from "./diff-policy-sets";
import type { PolicyProposalDto, PolicyProposalStatusName } from "./review-schemas";
import { policyListSchema, type PolicyDocument } from "./schemas";

type Db = Tx | typeof prisma;
type Person = { id: string; name: string; email: string };

/** People by id, for the names a version or proposal shows. */
export async function peopleById(db: Db, ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } }) : [];
  return new Map(users.map((user) => [user.id, user]));
}

const unknownPerson = (id: string): Person => ({ id, name: "Unknown person", email: "" });

/**
 * Proposals as the API and the pages show them: each with its diff against the version it was written
 * against (so the diff never changes after the fact), and whether that version is still the active one.
 */
export async function presentPolicyProposals(db: Db, rows: (PolicyProposal & { version: { id: string } | null })[], now: Date): Promise<PolicyProposalDto[]> {
  const active = await activeVersionId(db, now);
  const bases = await db.policySetVersion.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.baseVersionId))] } } });
  const basePolicies = new Map<string, PolicyDocument[]>(bases.map((base) => [base.id, policyListSchema.parse(base.policies)]));
  const people = await peopleById(
    db,
    rows.flatMap((row) => [row.proposedById, row.decidedById]),
  );
  return rows.map((row) => {
    const policies = policyListSchema.parse(row.policies);
    const diff = diffPolicySets(basePolicies.get(row.baseVersionId) ?? [], policies);
    const status = row.status.toLowerCase() as PolicyProposalStatusName;
    return {
      id: row.id,
      status,
      note: row.note,
      hash: row.hash,
      baseVersionId: row.baseVersionId,
      stale: status === "pending" && row.baseVersionId !== active,
      proposedBy: people.get(row.proposedById) ?? unknownPerson(row.proposedById),
      createdAt: row.createdAt.toISOString(),
      decidedBy: row.decidedById ? (people.get(row.decidedById) ?? unknownPerson(row.decidedById)) : null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      decisionNote: row.decisionNote,
      versionId: row.version?.id ?? null,
      changes: { added: diff.added, removed: diff.removed, changed: diff.changed },
      policies,
      diff,
    };
  });
}

export const proposalInclude = { version: { select: { id: true } } } as const;
