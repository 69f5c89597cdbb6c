"use client";
import type { KeptConstraints } from "./constraints-choice";

/** What an approver had filled in when Baton sent them to sign in again: it comes back with them. */
export interface ApproveDraft {
  scopes: string[];
  durationSeconds: number;
  comment: string;
  constraints?: { kept: KeptConstraints; limit: string };
}

const storageKey = (requestId: string) => `baton.approve-draft.${requestId}`;

/** The query the request page reads on coming back from re-authentication, to reopen the dialog filled in. */
export const RESUME_PARAM = "approve";

export function saveApproveDraft(requestId: string, draft: ApproveDraft) {
  try {
    window.sessionStorage.setItem(storageKey(requestId), JSON.stringify(draft));
  } catch {
    // Without session storage the dialog reopens with the request's own terms.
  }
}

/** The saved draft for this request, removed as it is read; null when there is none or it does not parse. */
export function takeApproveDraft(requestId: string): ApproveDraft | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(requestId));
    window.sessionStorage.removeItem(storageKey(requestId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<ApproveDraft>;
    if (!Array.isArray(draft.scopes) || typeof draft.durationSeconds !== "number" || typeof draft.comment !== "string") return null;
    return {
      scopes: draft.scopes.filter((scope): scope is string => typeof scope === "string"),
      durationSeconds: draft.durationSeconds,
      comment: draft.comment,
      constraints: keptConstraintsOf(draft.constraints),
    };
  } catch {
    return null;
  }
}

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined);

/** The constraints part of a saved draft, or undefined when it does not have the shape the dialog saved. */
function keptConstraintsOf(value: unknown): ApproveDraft["constraints"] {
  const saved = value as { kept?: unknown; limit?: unknown } | undefined;
  if (!saved || !Array.isArray(saved.kept) || typeof saved.limit !== "string") return undefined;
  const kept = saved.kept.map((entry: { locations?: unknown; actions?: unknown } | null) => ({
    ...(strings(entry?.locations) && { locations: strings(entry?.locations) }),
    ...(strings(entry?.actions) && { actions: strings(entry?.actions) }),
  }));
  return { kept, limit: saved.limit };
}
