import type { ReactNode } from "react";
import { QueryProvider } from "@/components/live/query-provider";
import { AppHeader } from "@/components/shell/app-header";
import { requireUserForPage } from "@/lib/auth/current-user";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUserForPage();
  return (
    <QueryProvider>
      <div className="min-h-screen">
        <AppHeader user={user} />
        <main className="mx-auto max-w-7xl px-4 py-5">{children}</main>
      </div>
    </QueryProvider>
  );
}
