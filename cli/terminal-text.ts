/**
 * Text from the server (reasons, descriptions, problem details) goes to a terminal: control and
 * invisible formatting characters could move the cursor or disguise what is shown, so they become spaces.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Left-aligned columns separated by two spaces: readable, and still easy to cut or awk. */
export function formatTable(headers: string[], rows: string[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(oneLine))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
