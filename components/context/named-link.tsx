import Link from "next/link";
import type { NamedRef } from "@/lib/audit/describe-event";

/** Something named as people know it, linked to its page where it has one; the raw id on hover for whoever needs it. */
export function NamedLink({ named }: { named: NamedRef }) {
  const title = named.id ?? undefined;
  return named.href ? (
    <Link href={named.href} title={title} className="text-primary underline-offset-4 hover:underline">
      {named.label}
    </Link>
  ) : (
    <span title={title}>{named.label}</span>
  );
}
