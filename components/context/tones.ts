/**
 * The one colour mapping for risk and severity: every chip and badge on every page reads it, so a
 * critical scope and a SEV1 incident look the same wherever they appear.
 */
export const RISK_TONES = {
  LOW: { tone: "success", className: undefined },
  MEDIUM: { tone: "warning", className: undefined },
  HIGH: { tone: "danger", className: undefined },
  CRITICAL: { tone: "danger", className: "bg-red-700 text-white ring-red-700" },
} as const;

export type Risk = keyof typeof RISK_TONES;

/** SEV1 is the most severe; it shares the critical risk's solid red so the worst stands out on every page. */
export const SEVERITY_TONES = {
  SEV1: { tone: "danger", className: "bg-red-700 text-white ring-red-700" },
  SEV2: { tone: "warning", className: undefined },
  SEV3: { tone: "info", className: undefined },
  SEV4: { tone: "neutral", className: undefined },
} as const;

export type Severity = keyof typeof SEVERITY_TONES;

export const isRisk = (value: string): value is Risk => value in RISK_TONES;
