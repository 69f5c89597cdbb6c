import { canonicalJson } from "@/lib/audit/hash-event";
import { sha256Hex } from "@/lib/crypto/secrets";
import type { PolicyDocument } from "./schemas";

/** Policies in their stored order: by id, so one set has one form and one hash. */
export const sortPolicies = (policies: readonly PolicyDocument[]): PolicyDocument[] =>
  [...policies].map(({ id, text }) => ({ id, text })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** SHA-256 over the canonical set: what audit events, explanations and proposals name a version by. */
export const hashPolicySet = (policies: readonly PolicyDocument[]): string => sha256Hex(canonicalJson(sortPolicies(policies)));
