import type { ReactNode } from "react";
import { PageHeader } from "./page-header";
import { SectionCard } from "./section-card";

/** A page listing one kind of thing Baton knows: its header with the create action, then a card with the table, or a sentence when there is nothing yet. */
export function CatalogPage({
  title,
  description,
  action,
  listTitle,
  empty,
  children,
}: {
  title: string;
  description: ReactNode;
  action?: ReactNode;
  listTitle: string;
  empty: string | false;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={title} description={description}>
        {action}
      </PageHeader>
      <SectionCard title={listTitle} empty={empty}>
        {children}
      </SectionCard>
    </div>
  );
}
