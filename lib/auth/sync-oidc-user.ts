import { z } from "zod";
import { prisma, type Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordEvent, type Actor } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { newId } from "@/lib/kernel/ids";
import { insertUser } from "@/lib/users/insert-user";
import { normalizeEmail } from "@/lib/kernel/normalize-email";
import { ANONYMOUS_AUDIT_ACTOR, auditActorOf, personPrincipal } from "@/lib/kernel/principal";
import { replaceGroupMemberships } from "@/lib/users/replace-group-memberships";
import { OIDC_PROVIDER_ID } from "./oidc-settings";
import type { SignedInUser } from "./verify-credentials";

export type OidcRefusal = "disabled" | "no_email" | "email_not_verified" | "linked_to_another_identity";

const ROLE_BY_CLAIM: Record<string, Role> = { admin: "ADMIN", approver: "APPROVER", commander: "COMMANDER", viewer: "VIEWER" };
const MAX_GROUPS = 500;

// Each claim is read on its own: one malformed claim must not hide the others.
const standardClaims = z.object({
  email: z.email().max(320).optional().catch(undefined),
  // Some providers (Cognito among them) send the boolean as a string.
  email_verified: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
    .optional()
    .catch(undefined),
  name: z.string().trim().min(1).optional().catch(undefined),
  preferred_username: z.string().trim().min(1).optional().catch(undefined),
});

/** The claimed role; anything missing or unknown is the least privileged role, never an error. */
export function roleFromClaim(value: unknown): Role {
  return (typeof value === "string" && ROLE_BY_CLAIM[value.trim().toLowerCase()]) || "VIEWER";
}

/** Approver group names from a claim that may be a list or a single name; Baton's group names are lower-case. */
function groupNamesFromClaim(value: unknown): string[] {
  const names = Array.isArray(value) ? value : [value];
  return [...new Set(names.filter((name): name is string => typeof name === "string").map((name) => name.trim().toLowerCase()))].slice(0, MAX_GROUPS);
}

const identityProvider: Actor = { kind: "INTEGRATION", id: OIDC_PROVIDER_ID };

/**
 * Signs in a person the identity provider vouched for, in one audited transaction: the account is found by
 * the provider's subject; failing that, a Baton user with the same email is linked — only when the provider
 * says it verified that email — or a password-less user is created. The role and the SSO-sourced group
 * memberships then follow the claims. Answers null (audited) for a refused sign-in.
 */
export async function syncOidcUser(options: {
  subject: string;
  claims: Record<string, unknown>;
  roleClaim: string;
  groupsClaim: string;
  clock?: Clock;
}): Promise<SignedInUser | null> {
  const now = (options.clock ?? systemClock).now();
  const claims = standardClaims.parse(options.claims);
  const role = roleFromClaim(options.claims[options.roleClaim]);
  const groupNames = groupNamesFromClaim(options.claims[options.groupsClaim]);
  return prisma.$transaction(async (tx) => {
    // Two first sign-ins of one subject at once must not both create an account.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`oidc:${options.subject}`}))`;
    const found = await findOrLinkUser(tx, { subject: options.subject, claims, role, at: now });
    if ("refused" in found) {
      await recordEvent(tx, {
        actor: found.user ? auditActorOf(personPrincipal(found.user.id, found.user.role)) : ANONYMOUS_AUDIT_ACTOR,
        action: "user.sign_in_failed",
        subject: found.user ? { kind: "user", id: found.user.id } : { kind: "oidc_subject", id: options.subject },
        data: { method: "oidc", reason: found.refused, email: claims.email },
        at: now,
      });
      return null;
    }
    const { user } = found;
    if (user.role !== role)
      await recordEvent(tx, {
        actor: identityProvider,
        action: "user.role_changed",
        subject: { kind: "user", id: user.id },
        data: { from: user.role, to: role, source: OIDC_PROVIDER_ID },
        at: now,
      });
    await tx.user.update({ where: { id: user.id }, data: { role, lastSignInAt: now } });
    await tx.account.update({
      where: { provider_providerAccountId: { provider: OIDC_PROVIDER_ID, providerAccountId: options.subject } },
      data: { lastSignInAt: now },
    });
    const groups = groupNames.length ? await tx.approverGroup.findMany({ where: { name: { in: groupNames } }, select: { id: true, name: true } }) : [];
    const change = await replaceGroupMemberships(tx, { userId: user.id, groups, source: OIDC_PROVIDER_ID, at: now });
    if (change.added.length || change.removed.length)
      await recordEvent(tx, {
        actor: identityProvider,
        action: "user.groups_changed",
        subject: { kind: "user", id: user.id },
        data: { ...change, source: OIDC_PROVIDER_ID },
        at: now,
      });
    await recordEvent(tx, {
      actor: auditActorOf(personPrincipal(user.id, role)),
      action: "user.signed_in",
      subject: { kind: "user", id: user.id },
      data: { method: "oidc" },
      at: now,
    });
    return { id: user.id, email: user.email, name: user.name };
  });
}

async function findOrLinkUser(
  tx: Tx,
  input: { subject: string; claims: z.infer<typeof standardClaims>; role: Role; at: Date },
): Promise<{ user: { id: string; email: string; name: string; role: Role } } | { refused: OidcRefusal; user?: { id: string; role: Role } }> {
  const account = await tx.account.findUnique({
    where: { provider_providerAccountId: { provider: OIDC_PROVIDER_ID, providerAccountId: input.subject } },
    include: { user: true },
  });
  if (account) return account.user.disabled ? { refused: "disabled", user: account.user } : { user: account.user };

  if (!input.claims.email) return { refused: "no_email" };
  const email = normalizeEmail(input.claims.email);
  const existing = await tx.user.findUnique({ where: { email }, include: { accounts: { where: { provider: OIDC_PROVIDER_ID }, select: { id: true } } } });
  if (existing) {
    // Linking on an unverified address would hand this account to whoever typed that email at the provider.
    if (input.claims.email_verified !== true) return { refused: "email_not_verified", user: existing };
    // One identity per person at the provider: a second subject claiming the same email is someone else.
    if (existing.accounts.length) return { refused: "linked_to_another_identity", user: existing };
    if (existing.disabled) return { refused: "disabled", user: existing };
  }
  const user =
    existing ??
    (await insertUser(tx, {
      email,
      name: displayName(input.claims, email),
      role: input.role,
      passwordHash: null,
      actor: identityProvider,
      action: "user.created",
      at: input.at,
    }));
  await tx.account.create({
    data: { id: newId("account"), userId: user.id, provider: OIDC_PROVIDER_ID, providerAccountId: input.subject, createdAt: input.at },
  });
  await recordEvent(tx, {
    actor: identityProvider,
    action: "user.sso_linked",
    subject: { kind: "user", id: user.id },
    data: { provider: OIDC_PROVIDER_ID, subject: input.subject, by: existing ? "verified_email" : "new_user" },
    at: input.at,
  });
  return { user };
}

function displayName(claims: z.infer<typeof standardClaims>, email: string): string {
  return (claims.name ?? claims.preferred_username ?? email.split("@")[0]!).slice(0, 100);
}
