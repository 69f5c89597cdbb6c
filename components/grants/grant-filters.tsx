"use client";
import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import type { GrantFilterOptions } from "@/lib/grants/list-grant-filter-options";
import type { GrantSearch } from "./grant-queries";

const STATUSES = [
  { value: "active", label: "Active" },
  { value: "expired", label: "Expired" },
  { value: "revoked", label: "Revoked" },
  { value: "all", label: "All" },
];

const EXPIRING = [
  { value: "", label: "Any time" },
  { value: "15m", label: "Within 15 min" },
  { value: "1h", label: "Within 1 h" },
  { value: "1d", label: "Within 1 d" },
];

/** A GET form: applying it navigates to /grants?…, so every filter lives in the URL and can be shared. */
export function GrantFilters({ search, options }: { search: GrantSearch; options: GrantFilterOptions }) {
  return (
    // Keyed by the search, so the fields show the applied filters after every navigation.
    <Form
      key={JSON.stringify(search)}
      action="/grants"
      aria-label="Filter grants"
      className="grid grid-cols-2 items-end gap-3 rounded-lg border bg-card px-4 py-3 md:grid-cols-4 xl:grid-cols-7"
    >
      <SelectField label="Status" name="status" defaultValue={search.status}>
        {STATUSES.map((status) => (
          <option key={status.value} value={status.value}>
            {status.label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Agent" name="agent" defaultValue={search.agent ?? ""}>
        <option value="">Any agent</option>
        {options.agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Scope" name="scope" defaultValue={search.scope ?? ""}>
        <option value="">Any scope</option>
        {options.scopes.map((scope) => (
          <option key={scope} value={scope}>
            {scope}
          </option>
        ))}
      </SelectField>
      <SelectField label="Incident" name="incident" defaultValue={search.incident ?? ""}>
        <option value="">Any or none</option>
        {options.incidents.map((incident) => (
          <option key={incident.id} value={incident.id}>
            {incident.title}
            {incident.status === "RESOLVED" ? " (resolved)" : ""}
          </option>
        ))}
      </SelectField>
      <SelectField label="Expiring" name="expiring" defaultValue={search.expiring ?? ""}>
        {(EXPIRING.some((choice) => choice.value === (search.expiring ?? ""))
          ? EXPIRING
          : [...EXPIRING, { value: search.expiring!, label: `Within ${search.expiring}` }]
        ).map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      <Field label="On behalf of" name="onBehalfOf" type="email" placeholder="person@example.com" defaultValue={search.onBehalfOf ?? ""} />
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="ghost" asChild>
          <Link href="/grants?status=all">Clear</Link>
        </Button>
      </div>
    </Form>
  );
}
