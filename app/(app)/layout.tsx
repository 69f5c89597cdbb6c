import type { ReactNode } from "react";
import { QueryProvider } from "@/components/live/query-provider";
import { AppHeader } from "@/components/shell/app-header";
import { SkipLink } from "@/components/shell/skip-link";
import { requireUserForPage } from "@/lib/auth/current-user";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUserForPage();
  return (
    <QueryProvider>
      <div className="min-h-screen">
        <SkipLink />
        <AppHeader user={user} />
        <main id="content" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-5 focus:outline-none">
          {children}
        </main>
      </div>
    </QueryProvider>
  );
}
