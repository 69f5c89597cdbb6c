/** Scope keys as they are written in requests and grants: monospace, one chip each. */
export function ScopeKeys({ keys }: { keys: string[] }) {
  return (
    <ul className="flex flex-wrap gap-1">
      {keys.map((key) => (
        <li key={key} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
          {key}
        </li>
      ))}
    </ul>
  );
}
