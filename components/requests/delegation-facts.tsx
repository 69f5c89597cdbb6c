import Link from "next/link";
import { Fact } from "@/components/ui/fact";
import { NoValue } from "@/components/ui/no-value";
import type { InboxItem } from "@/lib/approvals/inbox-item";
import { RequestContext } from "./request-context";

/** Who acts, for whom, in which context: the first facts of both the request and the grant page. */
export function DelegationFacts({ item }: { item: Pick<InboxItem, "agent" | "onBehalfOf" | "incident" | "contextRef"> }) {
  return (
    <>
      <Fact term="Agent">
        <Link href={`/agents/${item.agent.id}`} className="text-primary underline-offset-4 hover:underline">
          {item.agent.name}
        </Link>
        <p className="text-xs text-muted-foreground">
          owner {item.agent.owner.name} ({item.agent.owner.email})
        </p>
      </Fact>
      <Fact term="On behalf of">{item.onBehalfOf ? `${item.onBehalfOf.name} (${item.onBehalfOf.email})` : <NoValue />}</Fact>
      <Fact term="Context">
        <RequestContext item={item} />
      </Fact>
    </>
  );
}
