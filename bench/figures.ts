export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: string;
  /** Against the goal's reference (throughput), or value ÷ bound (latency: at most 1 meets it). */
  ratio: number | null;
}

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))]!;
export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** p50 for information and p95/p99 against a bound in ms: the shape of every latency figure. */
export function latencyFigures(name: string, samples: number[], bound: { p: 95 | 99; ms: number }): Figure[] {
  const tail = round(percentile(samples, bound.p));
  return [
    { name: `${name}-p50`, value: round(percentile(samples, 50)), unit: "ms", goal: "info", ratio: null },
    // Three decimals, so a tail just over its bound is not rounded into meeting it.
    { name: `${name}-p${bound.p}`, value: tail, unit: "ms", goal: `<=${bound.ms}ms`, ratio: round(tail / bound.ms, 3) },
  ];
}

export function printFigure(figure: Figure) {
  console.log([figure.name, figure.value, figure.unit, figure.goal, figure.ratio ?? "-"].join(" "));
}
