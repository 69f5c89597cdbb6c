"use client";
import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { queryKeys } from "@/components/live/query-keys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { TextareaField } from "@/components/ui/textarea";
import { decisionBody } from "@/lib/approvals/decision-body";
import { formatDuration } from "@/lib/kernel/duration";
import { saveApproveDraft, type ApproveDraft } from "./approve-draft";
import { fetchRequest, reauthenticateUrl, type DecisionBody, type InboxItem, type RequestDetail } from "./request-queries";
import { DurationField } from "./duration-field";
import { ScopeRisk } from "./scope-risks";
import { ConstraintsChoice, keepAll, narrowedConstraints } from "./constraints-choice";

export interface DecisionTarget {
  kind: "approve" | "deny";
  item: InboxItem;
  /** What the approver had filled in before signing in again. */
  draft?: ApproveDraft;
}

type FieldErrors = Partial<Record<"scopes" | "comment" | "reason" | "authorizationDetails", string>>;

/** The form's checks are the endpoint's own schema, so what the dialog accepts the server accepts. */
function validate(body: DecisionBody): { body: DecisionBody } | { errors: FieldErrors } {
  const parsed = decisionBody.safeParse(body);
  if (parsed.success) return { body: parsed.data };
  const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[] | undefined> };
  return { errors: Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.[0]])) };
}

/**
 * Approve (narrowing scopes and duration) or deny one request. Confirming closes the dialog at once:
 * the page marks the request as being decided and reports the server's answer. While open, the dialog
 * follows its request live: when someone else settles it, the dialog says who decided what and why, and
 * no longer decides. `freshSignInUntil`: until when a critical approval needs no new sign-in.
 */
export function DecisionDialog({
  target,
  freshSignInUntil,
  onClose,
  onConfirm,
}: {
  target: DecisionTarget | null;
  freshSignInUntil: string | null;
  onClose: () => void;
  onConfirm: (item: InboxItem, body: DecisionBody) => void;
}) {
  // Opened from a keyboard shortcut there is no trigger to go back to; return to wherever focus was.
  const returnFocusTo = useRef<Element | null>(null);
  const confirm = (body: DecisionBody) => {
    if (target) onConfirm(target.item, body);
    onClose();
  };
  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && onClose()}>
      {target && (
        <DialogContent
          className="max-w-xl"
          onOpenAutoFocus={(event) => {
            returnFocusTo.current = document.activeElement;
            const preferred = (event.currentTarget as HTMLElement).querySelector<HTMLElement>("[data-autofocus]");
            if (preferred) {
              event.preventDefault();
              preferred.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            const previous = returnFocusTo.current;
            if (previous instanceof HTMLElement && previous.isConnected) {
              event.preventDefault();
              previous.focus();
            }
          }}
        >
          {target.kind === "approve" ? (
            <ApproveForm key={target.item.id} item={target.item} draft={target.draft} freshSignInUntil={freshSignInUntil} onConfirm={confirm} />
          ) : (
            <DenyForm key={target.item.id} item={target.item} onConfirm={confirm} />
          )}
        </DialogContent>
      )}
    </Dialog>
  );
}

/** The request as it stands now, kept live by the event stream: null while it is still open to this approver. */
function useSettled(item: InboxItem): RequestDetail | null {
  const { data } = useQuery({ queryKey: queryKeys.request(item.id), queryFn: () => fetchRequest(item.id) });
  return data && (data.status !== "PENDING" || !data.canDecide) ? data : null;
}

/** "dana denied this request: not during the freeze" — said in the dialog the moment someone else decides. */
function SettledNotice({ request }: { request: RequestDetail }) {
  const settlement = request.settlement;
  if (!settlement) return <Alert>You can no longer decide this request: {request.cannotDecideReason}.</Alert>;
  const what = settlement.status === "expired" ? "This request lapsed undecided" : `${settlement.by} ${settlement.status} this request`;
  return (
    <Alert>
      {what}
      {settlement.reason && settlement.status !== "expired" ? `: “${settlement.reason}”` : "."} There is nothing left to decide.
    </Alert>
  );
}

function RequestQuote({ item }: { item: InboxItem }) {
  return (
    <div className="flex flex-col gap-1 rounded-md bg-muted px-3 py-2 text-sm">
      <p className="whitespace-pre-line">{item.justification}</p>
      <p className="text-xs text-muted-foreground">
        Asked for {formatDuration(item.durationSeconds)}
        {item.onBehalfOf && ` on behalf of ${item.onBehalfOf.name} (${item.onBehalfOf.email})`}
      </p>
    </div>
  );
}

function ApproveForm({
  item,
  draft,
  freshSignInUntil,
  onConfirm,
}: {
  item: InboxItem;
  draft?: ApproveDraft;
  freshSignInUntil: string | null;
  onConfirm: (body: DecisionBody) => void;
}) {
  const settled = useSettled(item);
  const [kept, setKept] = useState<ReadonlySet<string>>(
    () => new Set(item.scopes.map((scope) => scope.key).filter((key) => !draft || draft.scopes.includes(key))),
  );
  const [durationSeconds, setDurationSeconds] = useState(draft && draft.durationSeconds <= item.durationSeconds ? draft.durationSeconds : item.durationSeconds);
  const [comment, setComment] = useState(draft?.comment ?? "");
  const requestedConstraints = item.authorizationDetails;
  const [keptConstraints, setKeptConstraints] = useState(() => draft?.constraints?.kept ?? keepAll(requestedConstraints));
  const [limit, setLimit] = useState(draft?.constraints?.limit ?? "");
  // Read once as the dialog opens: a sign-in that goes stale while it is open is caught by the server, which asks again.
  const [openedAt] = useState(() => Date.now());
  const needsSignIn = item.stepUp && freshSignInUntil !== null && openedAt > Date.parse(freshSignInUntil);
  const [errors, setErrors] = useState<FieldErrors>({});
  const keptScopes = item.scopes.map((scope) => scope.key).filter((key) => kept.has(key));

  function toggle(key: string, checked: boolean) {
    const next = new Set(kept);
    if (checked) next.add(key);
    else next.delete(key);
    setKept(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (keptScopes.length === 0) return setErrors({ scopes: "Keep at least one scope, or deny the request instead" });
    const narrowed = keptScopes.length < item.scopes.length;
    const constraints = narrowedConstraints(requestedConstraints, keptConstraints, limit);
    if ("error" in constraints) return setErrors({ authorizationDetails: constraints.error });
    const result = validate({
      decision: "approve",
      comment,
      ...(narrowed && { scopes: keptScopes }),
      ...(durationSeconds < item.durationSeconds && { durationSeconds }),
      ...(constraints.value && { authorizationDetails: constraints.value }),
    });
    if ("errors" in result) return setErrors(result.errors);
    if (needsSignIn) {
      saveApproveDraft(item.id, { scopes: keptScopes, durationSeconds, comment, constraints: { kept: keptConstraints, limit } });
      window.location.assign(reauthenticateUrl(item.id, true));
      return;
    }
    onConfirm(result.body);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <DialogHeader>
        <DialogTitle>Approve the request from {item.agent.name}</DialogTitle>
        <DialogDescription>Grant only what the task needs: untick scopes, shorten the duration or constrain where it applies to narrow it.</DialogDescription>
      </DialogHeader>
      <RequestQuote item={item} />
      {settled && <SettledNotice request={settled} />}
      {item.stepUp && (
        <Alert tone="info">
          {needsSignIn
            ? `${item.critical ? "This request includes a critical scope" : "A policy requires a fresh sign-in for this request"}, and your sign-in is more than 10 minutes old: sign in again first. What you fill in here is kept, and this dialog reopens after you sign in.`
            : `${item.critical ? "This request includes a critical scope" : "A policy requires a fresh sign-in for this request"}: approving it needs a sign-in from the last 10 minutes.`}
        </Alert>
      )}
      <fieldset className="flex flex-col gap-1.5" aria-describedby={errors.scopes ? `${item.id}-scopes-error` : undefined}>
        <legend className="mb-1.5 text-sm font-medium">Scopes to grant</legend>
        <ul className="flex flex-col divide-y rounded-md border">
          {item.scopes.map((scope) => (
            <li key={scope.key}>
              <ScopeChoice scope={scope} checked={kept.has(scope.key)} onChange={(checked) => toggle(scope.key, checked)} />
            </li>
          ))}
        </ul>
        {errors.scopes && (
          <p id={`${item.id}-scopes-error`} className="text-xs text-destructive">
            {errors.scopes}
          </p>
        )}
      </fieldset>
      <DurationField longest={item.durationSeconds} longestNote="(as asked)" value={durationSeconds} onChange={setDurationSeconds} />
      <ConstraintsChoice
        requested={requestedConstraints}
        kept={keptConstraints}
        limit={limit}
        error={errors.authorizationDetails}
        onKeptChange={setKeptConstraints}
        onLimitChange={setLimit}
      />
      <TextareaField
        label="Comment (optional)"
        rows={2}
        maxLength={1000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={errors.comment}
      />
      <p className="text-sm text-muted-foreground" aria-live="polite">
        Grants {keptScopes.length} of {item.scopes.length} {item.scopes.length === 1 ? "scope" : "scopes"} for {formatDuration(durationSeconds)}.
      </p>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        {/* Focused on opening, so Enter approves what the dialog shows. */}
        <Button type="submit" data-autofocus disabled={settled !== null}>
          {needsSignIn ? "Sign in again to approve" : "Approve"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function ScopeChoice({ scope, checked, onChange }: { scope: InboxItem["scopes"][number]; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const routing = [
    scope.approverGroup ? `decided by ${scope.approverGroup}` : "decided by admins",
    `${scope.approvalsRequired} ${scope.approvalsRequired === 1 ? "approval" : "approvals"}`,
  ].join(" · ");
  return (
    <label className="flex cursor-pointer items-start gap-2.5 px-3 py-2 hover:bg-muted">
      <Checkbox
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-labelledby={`${id}-key`}
        aria-describedby={`${id}-about`}
        className="mt-0.5"
      />
      <span className="flex min-w-0 flex-col gap-0.5">
        <span className="flex items-center gap-2">
          <span id={`${id}-key`} className="font-mono text-xs">
            {scope.key}
          </span>
          <ScopeRisk risk={scope.risk} />
        </span>
        <span id={`${id}-about`} className="text-xs text-muted-foreground">
          {scope.description ? `${scope.description} · ${routing}` : routing}
        </span>
      </span>
    </label>
  );
}

function DenyForm({ item, onConfirm }: { item: InboxItem; onConfirm: (body: DecisionBody) => void }) {
  const settled = useSettled(item);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validate({ decision: "deny", reason });
    if ("errors" in result) return setErrors(result.errors);
    onConfirm(result.body);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <DialogHeader>
        <DialogTitle>Deny the request from {item.agent.name}</DialogTitle>
        <DialogDescription>The agent receives your reason, and it is kept in the audit log.</DialogDescription>
      </DialogHeader>
      <RequestQuote item={item} />
      {settled && <SettledNotice request={settled} />}
      <TextareaField
        label="Reason"
        rows={3}
        required
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.reason}
        data-autofocus
      />
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" variant="destructive" disabled={settled !== null}>
          Deny
        </Button>
      </DialogFooter>
    </form>
  );
}
