"use client";
import { usePathname } from "next/navigation";
import { NotFoundNotice } from "@/components/admin/not-found-notice";
import { rolesForPage } from "@/lib/auth/page-access";
import { rolesInWords } from "@/lib/auth/role-abilities";

/** The one answer to a page the signed-in role may not open, naming the roles that may (from lib/auth/page-access.ts). */
export function ForbiddenNotice() {
  const roles = rolesForPage(usePathname());
  const needed = roles.length ? `You need the ${rolesInWords(roles)} role to open this page.` : "Your role does not allow opening this page.";
  return (
    <NotFoundNotice
      title="Not open to your role"
      detail={`${needed} An admin can change your role on the Users page.`}
      backHref="/"
      backLabel="Back to the overview"
    />
  );
}
