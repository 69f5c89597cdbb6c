import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** Hands data the page already read on the server to TanStack Query, so the first paint is complete and live updates take over from there. */
export function Prefetched({ queryKey, data, children }: { queryKey: QueryKey; data: unknown; children: ReactNode }) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKey, data);
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}
