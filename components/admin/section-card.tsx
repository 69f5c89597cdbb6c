import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** A titled card around a table, with its actions on the right and, in place of an empty table, a sentence or an EmptyState. */
export function SectionCard({
  id,
  title,
  description,
  actions,
  empty,
  children,
}: {
  id?: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  empty?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} className="scroll-mt-4">
      <CardHeader className="flex-row items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle>{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {actions}
      </CardHeader>
      <CardContent className="p-0">{typeof empty === "string" ? <EmptyState title={empty} /> : empty || children}</CardContent>
    </Card>
  );
}
