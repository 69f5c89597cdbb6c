import Link from "next/link";

export default function GrantNotFound() {
  return (
    <div className="flex flex-col items-start gap-2 py-10">
      <h1 className="text-lg font-semibold">No such grant</h1>
      <p className="text-sm text-muted-foreground">No grant has this id. It may have been mistyped.</p>
      <Link href="/grants" className="text-sm text-primary underline-offset-4 hover:underline">
        All grants
      </Link>
    </div>
  );
}
