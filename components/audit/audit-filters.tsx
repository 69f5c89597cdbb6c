"use client";
import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { AuditQuery } from "./audit-queries";

/** `datetime-local` wants `YYYY-MM-DDTHH:MM` without a zone; the fields are labelled UTC. */
const localValue = (at: string | undefined) => (at ? new Date(at).toISOString().slice(0, 16) : "");

/** A GET form: applying it navigates to /audit?…, so the filters live in the URL, and the exports follow them. */
export function AuditFilters({ query }: { query: AuditQuery }) {
  return (
    // Keyed by the query, so the fields show the applied filters after every navigation.
    <Form
      key={JSON.stringify(query)}
      action="/audit"
      aria-label="Filter the audit log"
      className="grid grid-cols-2 items-end gap-3 rounded-lg border bg-card px-4 py-3 md:grid-cols-6"
    >
      <Field label="Actor" name="actor" placeholder="email, id or system" defaultValue={query.actor ?? ""} />
      <SelectField label="Action" name="action" defaultValue={query.action ?? ""}>
        <option value="">Any action</option>
        {[...AUDIT_ACTIONS].sort().map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </SelectField>
      <Field label="Subject" name="subject" placeholder="grt_…, req_…" defaultValue={query.subject ?? ""} />
      <Field label="From (UTC)" name="from" type="datetime-local" defaultValue={localValue(query.from)} />
      <Field label="To (UTC)" name="to" type="datetime-local" defaultValue={localValue(query.to)} />
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="ghost" asChild>
          <Link href="/audit">Clear</Link>
        </Button>
      </div>
    </Form>
  );
}
