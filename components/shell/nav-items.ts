import { mayOpenPage } from "@/lib/auth/page-access";
import { mayDo, type Ability, type Role } from "@/lib/auth/role-abilities";

/** One entry of the navigation; a plain record, so a page's own marker (an unread count) can join it by href. */
export interface NavItem {
  href: string;
  label: string;
  /** For a section of a page every role may open, which only some roles see. */
  ability?: Ability;
}

/** The pages people use day to day, in the top bar. */
const MAIN_NAV: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/requests", label: "Requests" },
  { href: "/grants", label: "Grants" },
  { href: "/incidents", label: "Incidents" },
  { href: "/agents", label: "Agents" },
  { href: "/audit", label: "Audit" },
];

/** What Baton is set up with, behind one "Settings" menu. */
const SETTINGS_NAV: NavItem[] = [
  { href: "/scopes", label: "Scopes" },
  { href: "/groups", label: "Groups" },
  { href: "/policies", label: "Policies" },
  { href: "/schedules", label: "Schedules" },
  { href: "/resource-servers", label: "Resource servers" },
  { href: "/credential-providers", label: "Credential providers" },
  { href: "/webhooks", label: "Webhooks" },
  { href: "/incidents#incident-tools", label: "Incident tools", ability: "administer" },
  { href: "/users", label: "Users" },
];

export interface Navigation {
  main: NavItem[];
  settings: NavItem[];
}

/** The pages a role may open (lib/auth/page-access.ts), so nobody is shown a link to a forbidden page. */
export function navigationFor(role: Role): Navigation {
  const open = (item: NavItem) => mayOpenPage(role, item.href) && (!item.ability || mayDo(role, item.ability));
  return { main: MAIN_NAV.filter(open), settings: SETTINGS_NAV.filter(open) };
}

export function isCurrent(item: NavItem, pathname: string): boolean {
  return item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
}
