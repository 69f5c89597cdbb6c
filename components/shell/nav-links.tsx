"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { RequestsUnreadDot } from "@/components/requests/requests-attention";
import { cn } from "@/lib/cn";

export interface NavItem {
  href: string;
  label: string;
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex items-center gap-1">
      {items.map((item) => {
        const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={cn("rounded-md px-2.5 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground", current && "bg-muted font-medium text-foreground")}
          >
            {item.label}
            {item.href === "/requests" && <RequestsUnreadDot />}
          </Link>
        );
      })}
    </nav>
  );
}
