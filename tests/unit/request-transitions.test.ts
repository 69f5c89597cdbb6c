import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/kernel/errors";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { assertTransition, canTransition, isFinal } from "@/lib/requests/request-transitions";

const ALL: RequestStatus[] = ["PENDING", "APPROVED", "DENIED", "CANCELLED", "EXPIRED"];
const LEGAL = new Set(["PENDING>APPROVED", "PENDING>DENIED", "PENDING>CANCELLED", "PENDING>EXPIRED"]);

describe("request state machine", () => {
  for (const from of ALL)
    for (const to of ALL) {
      const legal = LEGAL.has(`${from}>${to}`);
      it(`${from} → ${to} is ${legal ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(legal);
        if (legal) expect(() => assertTransition(from, to)).not.toThrow();
        else {
          expect(() => assertTransition(from, to)).toThrow(AppError);
          try {
            assertTransition(from, to);
          } catch (error) {
            expect((error as AppError).status).toBe(409);
          }
        }
      });
    }

  it("treats every state but PENDING as final", () => {
    expect(ALL.filter(isFinal)).toEqual(["APPROVED", "DENIED", "CANCELLED", "EXPIRED"]);
  });
});
