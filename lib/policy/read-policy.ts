import { cedar, type DetailedError, type PolicyJson } from "./cedar";
import { readAnnotations, type PolicyAnnotations } from "./policy-annotations";
import { ENTITY_TYPES, POLICY_ACTIONS, type PolicyAction } from "./policy-schema";
import type { PolicyDocument, PolicyValidationError } from "./schemas";

/** A policy as the engine files it: its effect, which actions and which scope it can speak to, and its annotations. */
export interface ReadPolicy {
  id: string;
  text: string;
  effect: "permit" | "forbid";
  /** The actions its head admits. */
  actions: readonly PolicyAction[];
  /** The one scope its head names (`resource == Baton::Scope::"…"`), or null when it may apply to any. */
  scopeKey: string | null;
  /** No conditions and no principal constraint: it applies to every request its head admits. */
  unconditional: boolean;
  annotations: PolicyAnnotations;
}

/** Line and column (1-based) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Cedar's errors, each placed at its first source location within the policy's own text. */
export function placeErrors(policy: PolicyDocument, errors: DetailedError[]): PolicyValidationError[] {
  return errors.map((error) => {
    const location = error.sourceLocations?.[0];
    const where = location ? lineAndColumn(policy.text, location.start) : { line: null, column: null };
    const detail = location?.label ? `: ${location.label}` : "";
    const message = error.message.replace(/^failed to parse policy with id `[^`]*` from string: /, "");
    return { policyId: policy.id, ...where, message: `${message}${detail}${error.help ? ` (${error.help})` : ""}` };
  });
}

const actionsOf = (json: PolicyJson): PolicyAction[] => {
  const constraint = json.action;
  if (constraint.op === "All") return [...POLICY_ACTIONS];
  const uids = "entities" in constraint ? constraint.entities : "entity" in constraint ? [constraint.entity] : [];
  return uids
    .map((uid) => ("__entity" in uid ? uid.__entity : uid))
    .filter((uid) => uid.type === ENTITY_TYPES.action && (POLICY_ACTIONS as readonly string[]).includes(uid.id))
    .map((uid) => uid.id as PolicyAction);
};

const scopeKeyOf = (json: PolicyJson): string | null => {
  const constraint = json.resource;
  if (constraint.op !== "==" || !("entity" in constraint)) return null;
  const uid = "__entity" in constraint.entity ? constraint.entity.__entity : constraint.entity;
  return uid.type === ENTITY_TYPES.scope ? uid.id : null;
};

/** Parses one policy document: exactly one static policy, with annotations Baton understands. */
export function readPolicy(policy: PolicyDocument): { policy: ReadPolicy; errors: [] } | { policy: null; errors: PolicyValidationError[] } {
  const parts = cedar.policySetTextToParts(policy.text);
  if (parts.type === "failure") return { policy: null, errors: placeErrors(policy, parts.errors) };
  if (parts.policy_templates.length > 0)
    return { policy: null, errors: [{ policyId: policy.id, line: 1, column: 1, message: "templates (?principal, ?resource) are not supported" }] };
  if (parts.policies.length !== 1)
    return {
      policy: null,
      errors: [{ policyId: policy.id, line: 1, column: 1, message: `each policy holds exactly one permit or forbid; this one holds ${parts.policies.length}` }],
    };
  const json = cedar.policyToJson(policy.text);
  if (json.type === "failure") return { policy: null, errors: placeErrors(policy, json.errors) };
  const { annotations, problems } = readAnnotations(json.json.annotations);
  const actions = actionsOf(json.json);
  if (annotations.route && !(json.json.effect === "permit" && actions.includes("route")))
    problems.push('@route only means something on a permit for Baton::Action::"route"');
  if (annotations.maxDurationSeconds && !(json.json.effect === "permit" && actions.includes("autoApprove")))
    problems.push('@maxDuration only means something on a permit for Baton::Action::"autoApprove"');
  if (problems.length) return { policy: null, errors: problems.map((message) => ({ policyId: policy.id, line: 1, column: 1, message })) };
  return {
    policy: {
      id: policy.id,
      text: policy.text,
      effect: json.json.effect,
      actions,
      scopeKey: scopeKeyOf(json.json),
      unconditional: json.json.conditions.length === 0 && json.json.principal.op === "All",
      annotations,
    },
    errors: [],
  };
}
