import { z } from "zod";
import { requireUser, type SignedInPerson } from "@/lib/auth/current-user";
import { AppError } from "@/lib/kernel/errors";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { fieldErrorsOf, problemResponse } from "./problem";
import { readJsonBody } from "./read-json-body";
import { assertSameOrigin } from "./same-origin";

/**
 * The wrapper for the browser's JSON endpoints (/api/ui): session cookie → the named rule (`allow`, from lib/authorization/rules.ts) → for anything but
 * GET, a same-origin check (route handlers have no CSRF protection of their own) and a JSON body, so a
 * cross-site form (text/plain, no Origin, Origin: null) can never decide anything.
 */
export function sessionRoute<B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodObject, Q extends z.ZodType = z.ZodUndefined>(
  spec: { allow?: (principal: PersonPrincipal) => boolean; body?: B; params?: P; query?: Q },
  handler: (context: { principal: SignedInPerson; body: z.infer<B>; params: z.infer<P>; query: z.infer<Q>; request: Request }) => Promise<Response>,
) {
  return async (request: Request, routeContext: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") await assertSameOrigin();
      const principal = await requireUser(spec.allow);
      const parse = <T extends z.ZodType>(schema: T, value: unknown, prefix?: string): z.infer<T> => {
        const result = schema.safeParse(value);
        if (result.success) return result.data;
        const errors = fieldErrorsOf(result.error, prefix);
        throw new AppError("BAD_REQUEST", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { errors });
      };
      const params = parse(spec.params ?? z.object({}).passthrough(), (await routeContext.params) ?? {}, "path");
      const query = spec.query ? parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query") : undefined;
      const body = spec.body ? parse(spec.body, await readJsonBody(request)) : undefined;
      return await handler({ principal, body: body as z.infer<B>, params: params as z.infer<P>, query: query as z.infer<Q>, request });
    } catch (error) {
      return problemResponse(error);
    }
  };
}
