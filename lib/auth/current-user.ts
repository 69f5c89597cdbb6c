import { forbidden, redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { AppError } from "@/lib/kernel/errors";
import { auth } from "./index";
import { mayOpenPage } from "./page-access";
import { isSessionCurrent } from "./session-validity";

/** The person principal the session doors (pages, /api/ui, server actions) produce, with what the pages show of them. */
export type SignedInPerson = PersonPrincipal & { authenticatedBy: "session"; authTime: Date; email: string; name: string };

/**
 * The signed-in person, read fresh from the database on every call: a disabled account, a changed
 * role or a "sign out everywhere" takes effect on the next request, not when the cookie expires.
 */
export async function getCurrentUser(): Promise<SignedInPerson | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  const user = await prisma.user.findUnique({ where: { id: session.user.id } });
  if (!user || user.disabled) return null;
  const authTime = new Date(session.user.authTime * 1000);
  if (!isSessionCurrent({ authTime }, user, new Date())) return null;
  return { kind: "person", userId: user.id, role: user.role, authenticatedBy: "session", authTime, email: user.email, name: user.name };
}

/**
 * For server actions and route handlers: throws 401 without a session, 403 when `allow` (a rule from
 * lib/authorization/rules.ts, such as mayAdminister) refuses the person.
 */
export async function requireUser(allow?: (principal: PersonPrincipal) => boolean): Promise<SignedInPerson> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first");
  if (allow && !allow(user)) throw new AppError("FORBIDDEN", "Your role does not allow this");
  return user;
}

/** For pages: sends a visitor without a session to the sign-in page. */
export async function requireUserForPage(): Promise<SignedInPerson> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/**
 * For pages only some roles may open (lib/auth/page-access.ts): everyone else gets the one forbidden
 * page, app/(app)/forbidden.tsx, with status 403 — the same answer on every such page.
 */
export async function requirePageAccess(path: string): Promise<SignedInPerson> {
  const user = await requireUserForPage();
  if (!mayOpenPage(user.role, path)) forbidden();
  return user;
}
