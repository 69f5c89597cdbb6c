import { NotFoundNotice } from "@/components/admin/not-found-notice";

export default function GrantNotFound() {
  return <NotFoundNotice title="No such grant" detail="No grant has this id. It may have been mistyped." backHref="/grants" backLabel="All grants" />;
}
