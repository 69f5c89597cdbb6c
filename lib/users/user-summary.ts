import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { MembershipSource } from "./replace-group-memberships";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** How the person can sign in; empty while an invitation is not yet accepted. */
  signInMethods: ("password" | "sso")[];
  groups: { name: string; source: MembershipSource }[];
  lastSignInAt: string | null;
  createdAt: string;
}

export const userSummaryInclude = {
  memberships: { include: { group: { select: { name: true } } } },
  accounts: { select: { provider: true } },
} as const satisfies Prisma.UserInclude;

type UserWithSummaryRelations = Prisma.UserGetPayload<{ include: typeof userSummaryInclude }>;

export function toUserSummary(user: UserWithSummaryRelations): UserSummary {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    signInMethods: [...(user.passwordHash ? (["password"] as const) : []), ...(user.accounts.length ? (["sso"] as const) : [])],
    groups: user.memberships
      .map((membership) => ({ name: membership.group.name, source: membership.source === "oidc" ? ("oidc" as const) : ("local" as const) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
