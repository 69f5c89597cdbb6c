import { Badge } from "@/components/ui/badge";
import type { UserSummary } from "@/lib/users/user-summary";

export function SignInMethods({ user }: { user: UserSummary }) {
  if (user.signInMethods.length === 0) return <span className="text-muted-foreground">invitation pending</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {user.signInMethods.includes("password") && <Badge>password</Badge>}
      {user.signInMethods.includes("sso") && <Badge tone="info">SSO</Badge>}
    </span>
  );
}

export function GroupList({ groups }: { groups: UserSummary["groups"] }) {
  if (groups.length === 0) return <span className="text-muted-foreground">none</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {groups.map((group) => (
        <li key={group.name}>
          <Badge
            tone={group.source === "oidc" ? "info" : "neutral"}
            title={group.source === "oidc" ? "Asserted by the identity provider at sign-in" : "Set in Baton"}
          >
            {group.name}
            {group.source === "oidc" && <span className="ml-1 font-normal">(SSO)</span>}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
