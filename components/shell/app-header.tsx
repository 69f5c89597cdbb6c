import { cookies } from "next/headers";
import Link from "next/link";
import { LiveIndicator } from "@/components/live/live-events";
import type { SignedInPerson } from "@/lib/auth/current-user";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { navigationFor } from "./nav-items";
import { NavLinks, NavMenu } from "./nav-links";
import { UserMenu } from "./user-menu";

export async function AppHeader({ user }: { user: SignedInPerson }) {
  const navigation = navigationFor(user.role);
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <header className="border-b bg-card">
      <div className="mx-auto flex h-12 max-w-7xl items-center gap-2 px-4 lg:gap-5">
        <NavMenu navigation={navigation} className="-ml-2 lg:hidden" />
        <Link href="/" className="text-sm font-semibold tracking-tight text-primary">
          Baton
        </Link>
        <NavLinks navigation={navigation} className="hidden lg:flex" />
        <div className="ml-auto">
          <LiveIndicator />
        </div>
        <UserMenu user={{ name: user.name, email: user.email, role: user.role }} initialTheme={theme} />
      </div>
    </header>
  );
}
