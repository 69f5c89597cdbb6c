import type { z } from "zod";
import type { problemSchema } from "@/lib/kernel/common-schemas";

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = NonNullable<Problem["errors"]>[number];

/**
 * Baton answered with a non-2xx status. Carries the RFC 9457 problem so callers can branch on `status`
 * and show `errors` next to the fields they came from; the message is one line that says it all.
 */
export class BatonApiError extends Error {
  override readonly name = "BatonApiError";
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** From `Retry-After` on 429 and 503 answers, when the server sent seconds. */
  readonly retryAfterSeconds: number | null;

  constructor(input: { method: string; url: string; problem: Problem; retryAfterSeconds?: number | null }) {
    super(describeProblem(input.problem));
    this.method = input.method;
    this.url = input.url;
    this.status = input.problem.status;
    this.type = input.problem.type;
    this.title = input.problem.title;
    this.detail = input.problem.detail;
    this.errors = input.problem.errors ?? [];
    this.retryAfterSeconds = input.retryAfterSeconds ?? null;
  }

  get problem(): Problem {
    return { type: this.type, title: this.title, status: this.status, detail: this.detail, errors: this.errors };
  }
}

function describeProblem(problem: Problem): string {
  const heading = problem.detail && problem.detail !== problem.title ? `${problem.title}: ${problem.detail}` : problem.title;
  const fields = (problem.errors ?? []).map((error) => `${error.field || "body"}: ${error.message}`);
  return `${problem.status} ${heading}${fields.length > 0 ? ` (${fields.join("; ")})` : ""}`;
}
