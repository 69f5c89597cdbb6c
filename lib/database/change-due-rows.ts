import { prisma, type Tx } from "@/lib/db";

export const DUE_PAGE_SIZE = 200;

/**
 * Reads due rows a page at a time and changes each in its own transaction. `change` guards its update
 * on the row still being due and answers whether it changed it, so a row another worker (or instance)
 * got to first is skipped. Stops at a short page, or a page in which nothing changed (whatever is left
 * belongs to another worker or the next sweep). Returns the ids changed.
 */
export async function changeDueRows<Row extends { id: string }>(
  findPage: (take: number) => Promise<Row[]>,
  change: (tx: Tx, row: Row) => Promise<boolean>,
): Promise<string[]> {
  const changed: string[] = [];
  for (;;) {
    const page = await findPage(DUE_PAGE_SIZE);
    let changedInPage = 0;
    for (const row of page)
      if (await prisma.$transaction((tx) => change(tx, row))) {
        changed.push(row.id);
        changedInPage++;
      }
    if (page.length < DUE_PAGE_SIZE || changedInPage === 0) return changed;
  }
}
