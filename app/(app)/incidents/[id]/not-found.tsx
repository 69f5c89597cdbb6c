import { NotFoundNotice } from "@/components/admin/not-found-notice";

export default function IncidentNotFound() {
  return (
    <NotFoundNotice title="No such incident" detail="No incident has this id. It may have been mistyped." backHref="/incidents" backLabel="All incidents" />
  );
}
