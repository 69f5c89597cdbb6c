import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reauthenticateUrl } from "./request-queries";
import type { DecisionNotice as Notice } from "./use-decision";

const DECIDED = {
  approved: (agent: string) => `Approved the request from ${agent}; the grant is issued.`,
  recorded: (agent: string) => `Your approval of the request from ${agent} is recorded; it needs more approvals before a grant is issued.`,
  denied: (agent: string) => `Denied the request from ${agent}.`,
};

/** The server's answer to a decision, in words; `linkToRequest` where the page is not the request's own. */
export function DecisionNotice({ notice, linkToRequest = false }: { notice: Notice | null; linkToRequest?: boolean }) {
  if (!notice) return null;
  const requestLink = linkToRequest && (
    <>
      {" "}
      <Link href={`/requests/${notice.item.id}`} className="font-medium underline underline-offset-4">
        View the request
      </Link>
    </>
  );
  switch (notice.kind) {
    case "decided":
      return (
        <Alert tone="success">
          {DECIDED[notice.outcome](notice.item.agent.name)}
          {requestLink}
        </Alert>
      );
    case "overtaken":
      return (
        <Alert>
          {notice.settlement && notice.settlement.status !== "expired"
            ? `Someone else decided first: ${notice.settlement.by} ${notice.settlement.status} this request${notice.settlement.reason ? ` — “${notice.settlement.reason}”` : ""}.`
            : `This request is no longer pending — it is now ${notice.status.toLowerCase()}.`}
          {requestLink}
        </Alert>
      );
    case "step-up":
      return (
        <Alert className="flex flex-wrap items-center justify-between gap-2">
          <span>Approving a critical scope needs a recent sign-in. Sign in again, then approve the request from {notice.item.agent.name}.</span>
          <Button asChild size="sm" variant="outline">
            <Link href={reauthenticateUrl(notice.item.id)}>Sign in again</Link>
          </Button>
        </Alert>
      );
    case "refused":
      return (
        <Alert>
          Could not decide the request from {notice.item.agent.name}: {notice.detail}
          {requestLink}
        </Alert>
      );
  }
}
