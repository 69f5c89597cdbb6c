"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { signOutAction } from "@/app/sign-in/actions";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { Role } from "@/lib/auth/role-abilities";
import { parseTheme, THEME_COOKIE, THEMES, type Theme } from "@/lib/theme";

const THEME_LABELS: Record<Theme, string> = { light: "Light", dark: "Dark", system: "Same as the system" };

/** Stores the choice for the server's next render and applies it to this page at once. */
function applyTheme(theme: Theme) {
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.classList.remove(...THEMES);
  document.documentElement.classList.add(theme);
}

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");

/** Who is signed in, with their profile, the colour theme and sign-out behind one button. */
export function UserMenu({ user, initialTheme }: { user: { name: string; email: string; role: Role }; initialTheme: Theme }) {
  const [theme, setTheme] = useState(initialTheme);
  const [, signOut, signingOut] = useActionState(signOutAction, {});
  const role = user.role.toLowerCase();
  return (
    <div role="group" aria-label="Signed-in user" className="flex items-center">
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label={`Account: ${user.name}`}
          className="flex min-w-0 items-center gap-2 rounded-md px-1.5 py-1 text-sm hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <span aria-hidden className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">
            {initialsOf(user.name)}
          </span>
          <span className="hidden max-w-40 truncate font-medium md:inline">{user.name}</span>
          <span className="sr-only">{user.email}</span>
          <Badge tone="info" aria-label={`Role: ${role}`} className="hidden sm:inline-flex">
            {role}
          </Badge>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel className="flex flex-col gap-0.5 font-normal">
            <span className="truncate text-sm font-medium text-foreground">{user.name}</span>
            <span className="truncate">{user.email}</span>
            <span>Role: {role}</span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/profile">Profile</Link>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuLabel>Theme</DropdownMenuLabel>
          <DropdownMenuRadioGroup
            value={theme}
            onValueChange={(value) => {
              const chosen = parseTheme(value);
              applyTheme(chosen);
              setTheme(chosen);
            }}
          >
            {THEMES.map((name) => (
              <DropdownMenuRadioItem key={name} value={name} onSelect={(event) => event.preventDefault()}>
                {THEME_LABELS[name]}
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <form action={signOut}>
            {/* The menu stays open on select, so the button's own click submits the form before anything unmounts. */}
            <DropdownMenuItem asChild disabled={signingOut} onSelect={(event) => event.preventDefault()}>
              <button type="submit">Sign out</button>
            </DropdownMenuItem>
          </form>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
