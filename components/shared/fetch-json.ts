import type { z } from "zod";
import type { problemSchema } from "@/lib/kernel/common-schemas";

export type Problem = z.infer<typeof problemSchema>;

/** A refusal from /api/ui, carrying its problem+json so the page can say exactly what happened. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  get status(): number {
    return this.problem.status;
  }

  concerns(field: string): boolean {
    return this.problem.errors?.some((error) => error.field === field) ?? false;
  }
}

/** GET (or `init`) an /api/ui JSON endpoint; a refusal throws its problem+json as a ProblemError. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => null)) as Problem | null;
  throw new ProblemError(
    problem ?? { type: "about:blank", title: response.statusText, status: response.status, detail: `The server answered ${response.status}` },
  );
}
