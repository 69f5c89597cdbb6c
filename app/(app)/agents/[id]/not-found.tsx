import { NotFoundNotice } from "@/components/admin/not-found-notice";

export default function AgentNotFound() {
  return <NotFoundNotice title="No such agent" detail="No agent has this id. It may have been mistyped." backHref="/agents" backLabel="All agents" />;
}
