import { Badge } from "@/components/ui/badge";

/** An agent's or scope's tags, as policies match them; nothing when there are none. */
export function TagBadges({ tags, label }: { tags: readonly string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li key={tag}>
          <Badge tone="info" className="font-mono">
            {tag}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
