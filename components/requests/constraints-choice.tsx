"use client";
import { useId } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { CONSTRAINT_TYPE, type Constraints } from "@/lib/kernel/authorization-details";

/** Per requested entry, the locations and actions still ticked (undefined where the entry sets none). */
export type KeptConstraints = { locations?: string[]; actions?: string[] }[];

export const keepAll = (requested: Constraints | null): KeptConstraints =>
  (requested ?? []).map((entry) => ({ locations: entry.locations, actions: entry.actions }));

/**
 * What the approver narrows the constraints to: undefined when they leave them as asked. Unticking a
 * value drops it; an entry left with no location or no action is dropped whole (an empty list would mean
 * "anywhere", which is wider). On an unconstrained request, `limit` — locations typed by the approver —
 * becomes one entry.
 */
export function narrowedConstraints(requested: Constraints | null, kept: KeptConstraints, limit: string): { value?: Constraints } | { error: string } {
  if (requested === null) {
    const locations = limit.split(/[\s,]+/).filter(Boolean);
    return locations.length ? { value: [{ type: CONSTRAINT_TYPE, locations: [...new Set(locations)] }] } : {};
  }
  const entries = requested.flatMap((entry, index) => {
    const { locations, actions } = kept[index] ?? {};
    if ((entry.locations && !locations?.length) || (entry.actions && !actions?.length)) return [];
    return [{ ...entry, ...(locations && { locations }), ...(actions && { actions }) }];
  });
  if (entries.length === 0) return { error: "Keep at least one location and action, or deny the request instead" };
  const unchanged = entries.length === requested.length && entries.every((entry, index) => JSON.stringify(entry) === JSON.stringify(requested[index]));
  return unchanged ? {} : { value: entries };
}

/** The approve dialog's constraints: untick locations or actions of what was asked, or limit an unconstrained request to locations. */
export function ConstraintsChoice({
  requested,
  kept,
  limit,
  error,
  onKeptChange,
  onLimitChange,
}: {
  requested: Constraints | null;
  kept: KeptConstraints;
  limit: string;
  error?: string;
  onKeptChange: (kept: KeptConstraints) => void;
  onLimitChange: (limit: string) => void;
}) {
  const id = useId();
  if (requested === null)
    return (
      <Field
        label="Limit to locations (optional)"
        hint="Unconstrained as asked. Type <type>:<id> (e.g. tenant:acme, or tenant:* for every tenant), several separated by commas, to allow only calls there."
        value={limit}
        maxLength={1000}
        onChange={(event) => onLimitChange(event.target.value)}
        error={error}
        autoComplete="off"
        spellCheck={false}
      />
    );
  const toggle = (index: number, field: "locations" | "actions", value: string, checked: boolean) => {
    const current = kept[index]?.[field] ?? [];
    const all = requested[index]![field] ?? [];
    const next = all.filter((candidate) => (candidate === value ? checked : current.includes(candidate)));
    onKeptChange(kept.map((entry, i) => (i === index ? { ...entry, [field]: next } : entry)));
  };
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1.5 text-sm font-medium">Constraints</legend>
      <ul className="flex flex-col divide-y rounded-md border text-sm">
        {requested.map((entry, index) => (
          <li key={index} className="flex flex-col gap-1.5 px-3 py-2">
            {entry.scopes && <p className="text-xs text-muted-foreground">for {entry.scopes.join(", ")}</p>}
            {(["locations", "actions"] as const).map((field) =>
              entry[field] ? (
                <div
                  key={field}
                  role="group"
                  aria-label={`${field === "locations" ? "Locations" : "Actions"} of constraint ${index + 1}`}
                  className="flex flex-wrap items-center gap-x-4 gap-y-1"
                >
                  <span className="text-xs text-muted-foreground">{field === "locations" ? "where" : "actions"}</span>
                  {entry[field].map((value) => (
                    <label key={value} className="flex cursor-pointer items-center gap-1.5">
                      <Checkbox
                        checked={kept[index]?.[field]?.includes(value) ?? false}
                        onChange={(event) => toggle(index, field, value, event.target.checked)}
                      />
                      <span className="font-mono text-xs">{value}</span>
                    </label>
                  ))}
                </div>
              ) : (
                <p key={field} className="text-xs text-muted-foreground">
                  {field === "locations" ? "anywhere" : "any action"}
                </p>
              ),
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </fieldset>
  );
}
