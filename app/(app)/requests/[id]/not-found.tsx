import { NotFoundNotice } from "@/components/admin/not-found-notice";

export default function RequestNotFound() {
  return (
    <NotFoundNotice
      title="No such request"
      detail="No access request has this id. It may have been mistyped."
      backHref="/requests"
      backLabel="All pending requests"
    />
  );
}
