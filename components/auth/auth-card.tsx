import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

/** The centred card of the signed-out pages (sign-in, first-run set-up). */
export function AuthCard({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <Card className="w-full max-w-sm">
        <CardHeader className="gap-1.5 py-4">
          <p className="text-xs font-semibold uppercase tracking-wider text-primary">Baton</p>
          <h1 className="text-lg font-semibold">{title}</h1>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent className="py-4">{children}</CardContent>
      </Card>
    </main>
  );
}
