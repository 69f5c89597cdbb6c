import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "./page-header";
import { SectionCard } from "./section-card";

/**
 * A page listing one kind of thing Baton knows: its header with the create action, then a card with the
 * table. When there is nothing yet, the card says what is missing and why; with `holdsAction` it also
 * holds the create action (one button, not two: the header's moves there). Only for dialogs that close
 * on success: one that shows a secret must stay put, or the secret would vanish with the empty state.
 */
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
  empty: { title: string; why: ReactNode; holdsAction?: boolean } | false;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={title} description={description}>
        {!(empty && empty.holdsAction) && action}
      </PageHeader>
      <SectionCard
        title={listTitle}
        empty={
          empty && (
            <EmptyState title={empty.title} action={empty.holdsAction && action}>
              {empty.why}
            </EmptyState>
          )
        }
      >
        {children}
      </SectionCard>
    </div>
  );
}
