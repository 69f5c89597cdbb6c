import Link from "next/link";

export default function RequestNotFound() {
  return (
    <div className="flex flex-col items-start gap-2 py-10">
      <h1 className="text-lg font-semibold">No such request</h1>
      <p className="text-sm text-muted-foreground">No access request has this id. It may have been mistyped.</p>
      <Link href="/requests" className="text-sm text-primary underline-offset-4 hover:underline">
        All pending requests
      </Link>
    </div>
  );
}
