"use client";
import { ChevronDownIcon, MenuIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { RequestsUnreadDot } from "@/components/requests/requests-attention";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import { isCurrent, type Navigation, type NavItem } from "./nav-items";

const linkClassName =
  "rounded-md px-2.5 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";
const currentClassName = "bg-muted font-medium text-foreground";

/** The top bar on wide screens: the daily pages as links, the settings behind one menu. */
export function NavLinks({ navigation, className }: { navigation: Navigation; className?: string }) {
  const pathname = usePathname();
  const inSettings = navigation.settings.some((item) => isCurrent(item, pathname));
  return (
    <nav aria-label="Main" className={cn("items-center gap-1", className)}>
      {navigation.main.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={isCurrent(item, pathname) ? "page" : undefined}
          className={cn(linkClassName, isCurrent(item, pathname) && currentClassName)}
        >
          {item.label}
          {item.href === "/requests" && <RequestsUnreadDot />}
        </Link>
      ))}
      {navigation.settings.length > 0 && (
        <DropdownMenu modal={false}>
          <DropdownMenuTrigger className={cn(linkClassName, "inline-flex items-center gap-1", inSettings && currentClassName)}>
            Settings
            <ChevronDownIcon className="size-3.5" aria-hidden />
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <MenuLinks items={navigation.settings} pathname={pathname} />
          </DropdownMenuContent>
        </DropdownMenu>
      )}
    </nav>
  );
}

/** Every page in one menu, for screens too narrow for the top bar. */
export function NavMenu({ navigation, className }: { navigation: Navigation; className?: string }) {
  const pathname = usePathname();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={cn(
          "inline-flex size-9 items-center justify-center rounded-md hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
          className,
        )}
        aria-label="Menu"
      >
        <MenuIcon className="size-5" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <MenuLinks items={navigation.main} pathname={pathname} />
        {navigation.settings.length > 0 && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuLabel>Settings</DropdownMenuLabel>
            <MenuLinks items={navigation.settings} pathname={pathname} />
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function MenuLinks({ items, pathname }: { items: NavItem[]; pathname: string }) {
  return items.map((item) => (
    <DropdownMenuItem key={item.href} asChild>
      <Link href={item.href} aria-current={isCurrent(item, pathname) ? "page" : undefined} className={cn(isCurrent(item, pathname) && "font-medium")}>
        {item.label}
        {item.href === "/requests" && <RequestsUnreadDot />}
      </Link>
    </DropdownMenuItem>
  ));
}
