import { fetchJson } from "@/components/shared/fetch-json";
import type { DecisionOutcome } from "@/lib/approvals/decide-request";
import type { DecisionBody } from "@/lib/approvals/decision-body";
import type { RequestDetail } from "@/lib/approvals/get-request-detail";
import type { InboxItem } from "@/lib/approvals/inbox-item";
import type { listInbox } from "@/lib/approvals/list-inbox";

export type { DecisionBody, InboxItem, RequestDetail };
export type Inbox = Awaited<ReturnType<typeof listInbox>>;

export const fetchInbox = () => fetchJson<Inbox>("/api/ui/inbox");

export const fetchRequest = (id: string) => fetchJson<RequestDetail>(`/api/ui/requests/${encodeURIComponent(id)}`);

export const postDecision = (id: string, body: DecisionBody) =>
  fetchJson<{ outcome: DecisionOutcome; grantId: string | null }>(`/api/ui/requests/${encodeURIComponent(id)}/decision`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/**
 * Where a critical approval sends someone whose sign-in is too old: sign in again, then back to the
 * request — with `resume`, to its approve dialog, filled in from the saved draft (approve-draft.ts).
 */
export const reauthenticateUrl = (requestId: string, resume = false) =>
  `/sign-in?${new URLSearchParams({ reauth: "1", callbackUrl: `/requests/${requestId}${resume ? "?approve=resume" : ""}` })}`;
