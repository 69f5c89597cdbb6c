import Link from "next/link";
import { Button } from "./button";

const DEFAULT_LIMIT = 50;

/** A list's query as URL parameters, leaving out empty filters and the default page size, so links stay short and stable. */
export function listSearchParams(query: Record<string, string | number | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== "" && !(name === "limit" && value === DEFAULT_LIMIT)) params.set(name, String(value));
  return params;
}

/** First page / Next page links of a keyset-paginated list; the filters ride along in the URL. */
export function KeysetPager({
  path,
  query,
  nextCursor,
}: {
  path: string;
  query: Record<string, string | number | undefined> & { cursor?: string };
  nextCursor: string | null | undefined;
}) {
  const { cursor, ...filters } = query;
  return (
    <nav aria-label="Pages" className="flex gap-2">
      {cursor && (
        <Button variant="outline" size="sm" asChild>
          <Link href={`${path}?${listSearchParams(filters)}`}>First page</Link>
        </Button>
      )}
      {nextCursor && (
        <Button variant="outline" size="sm" asChild>
          <Link href={`${path}?${listSearchParams({ ...filters, cursor: nextCursor })}`}>Next page</Link>
        </Button>
      )}
    </nav>
  );
}
