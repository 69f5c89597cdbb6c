import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "./page-header";

/** The top of a detail page: a breadcrumb back to its list, then the page header with the actions on the thing shown. */
export function DetailHeader({
  listHref,
  listLabel,
  title,
  description,
  children,
}: {
  listHref: string;
  listLabel: string;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={listHref} className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
          {listLabel}
        </Link>
      </nav>
      <PageHeader title={title} description={description}>
        {children}
      </PageHeader>
    </>
  );
}
