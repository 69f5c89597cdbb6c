import Link from "next/link";
import { LiveIndicator } from "@/components/live/live-events";
import { Badge } from "@/components/ui/badge";
import { canReadAudit } from "@/lib/audit/audit-readers";
import type { CurrentUser } from "@/lib/auth/current-user";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

const NAV: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/requests", label: "Requests" },
  { href: "/grants", label: "Grants" },
  { href: "/incidents", label: "Incidents" },
  { href: "/agents", label: "Agents" },
  { href: "/scopes", label: "Scopes" },
  { href: "/groups", label: "Groups" },
];
const AUDIT_NAV: NavItem[] = [{ href: "/audit", label: "Audit" }];
const ADMIN_NAV: NavItem[] = [
  { href: "/resource-servers", label: "Resource servers" },
  { href: "/webhooks", label: "Webhooks" },
  { href: "/users", label: "Users" },
];

export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className="border-b bg-card">
      <div className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4">
        <Link href="/" className="text-sm font-semibold tracking-tight text-primary">
          Baton
        </Link>
        <NavLinks items={[...NAV, ...(canReadAudit(user) ? AUDIT_NAV : []), ...(user.role === "ADMIN" ? ADMIN_NAV : [])]} />
        <div className="ml-auto">
          <LiveIndicator />
        </div>
        <div className="flex items-center gap-3" aria-label="Signed-in user" role="group">
          <span className="text-sm">
            <span className="font-medium">{user.name}</span> <span className="text-muted-foreground">{user.email}</span>
          </span>
          <Link href="/profile" className="text-sm text-primary underline-offset-4 hover:underline">
            Profile
          </Link>
          <Badge tone="info" aria-label={`Role: ${user.role.toLowerCase()}`}>
            {user.role.toLowerCase()}
          </Badge>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
