"use client";
import { useMutation, useMutationState, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { queryKeys } from "@/components/live/query-keys";
import type { DecisionOutcome } from "@/lib/approvals/decide-request";
import { ProblemError } from "@/components/shared/fetch-json";
import { fetchRequest, postDecision, type DecisionBody, type Inbox, type InboxItem, type RequestDetail } from "./request-queries";

const decideKey = ["decide"] as const;

interface DecisionVariables {
  item: InboxItem;
  body: DecisionBody;
}

/** What the page tells the approver once the server has answered. */
export type DecisionNotice =
  | { kind: "decided"; item: InboxItem; outcome: DecisionOutcome }
  | { kind: "overtaken"; item: InboxItem; status: string; settlement: RequestDetail["settlement"] }
  | { kind: "step-up"; item: InboxItem }
  | { kind: "refused"; item: InboxItem; detail: string };

/** A 409 means the request moved on; read where it stands now, which also refreshes its page. */
async function noticeFor(error: Error, item: InboxItem, queryClient: QueryClient): Promise<DecisionNotice> {
  if (!(error instanceof ProblemError)) return { kind: "refused", item, detail: "Baton could not be reached. Check the connection and try again." };
  if (error.status === 403 && error.concerns("stepUp")) return { kind: "step-up", item };
  if (error.status === 409) {
    const current = await queryClient
      .fetchQuery({ queryKey: queryKeys.request(item.id), queryFn: () => fetchRequest(item.id), staleTime: 0 })
      .catch(() => null);
    if (current && current.status !== "PENDING") return { kind: "overtaken", item, status: current.status, settlement: current.settlement };
  }
  return { kind: "refused", item, detail: error.message };
}

/**
 * Approving or denying, optimistically: the rows being decided are marked at once (from the pending
 * mutations), a settled request leaves the inbox as soon as the server confirms it, and every decision
 * ends by refetching the inbox and the request so the page shows what the server holds.
 */
export function useDecision() {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<DecisionNotice | null>(null);
  const mutation = useMutation({
    mutationKey: decideKey,
    mutationFn: ({ item, body }: DecisionVariables) => postDecision(item.id, body),
    onMutate: () => setNotice(null),
    onSuccess: ({ outcome }, { item }) => {
      if (outcome !== "recorded")
        queryClient.setQueryData<Inbox>(queryKeys.inbox, (inbox) => inbox && { ...inbox, items: inbox.items.filter((other) => other.id !== item.id) });
      setNotice({ kind: "decided", item, outcome });
    },
    onError: async (error, { item }) => setNotice(await noticeFor(error, item, queryClient)),
    onSettled: (_result, _error, { item }) =>
      Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.inbox }), queryClient.invalidateQueries({ queryKey: queryKeys.request(item.id) })]),
  });
  const deciding = useMutationState({
    filters: { mutationKey: decideKey, status: "pending" },
    select: (pending) => (pending.state.variables as DecisionVariables).item.id,
  });
  return {
    decide: (item: InboxItem, body: DecisionBody) => mutation.mutate({ item, body }),
    isDeciding: (id: string) => deciding.includes(id),
    notice,
  };
}
