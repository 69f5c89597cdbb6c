import Link from "next/link";

/** The body of a detail page's not-found state: what is missing, and the way back to its list. */
export function NotFoundNotice({ title, detail, backHref, backLabel }: { title: string; detail: string; backHref: string; backLabel: string }) {
  return (
    <div className="flex flex-col items-start gap-2 py-10">
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm text-muted-foreground">{detail}</p>
      <Link href={backHref} className="text-sm text-primary underline-offset-4 hover:underline">
        {backLabel}
      </Link>
    </div>
  );
}
