import "server-only";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { createAdapter, type AdapterHandle } from "@/lib/database/adapter";
import { databaseConfig } from "@/lib/database/config";

export type Tx = Prisma.TransactionClient;

type Cache = { __batonDb?: { prisma: PrismaClient; adapter: AdapterHandle } };
// One client per process, shared by every Next.js bundle (instrumentation, routes, actions):
// the embedded database in particular must be opened exactly once.
const cache = globalThis as unknown as Cache;

function connect() {
  if (!cache.__batonDb) {
    const adapter = createAdapter(databaseConfig());
    cache.__batonDb = { prisma: new PrismaClient({ adapter: adapter.factory }), adapter };
  }
  return cache.__batonDb;
}

/** The Prisma client. Only modules under lib/ import it. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = connect().prisma;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnect(): Promise<void> {
  const db = cache.__batonDb;
  if (!db) return;
  cache.__batonDb = undefined;
  await db.prisma.$disconnect();
  await db.adapter.close();
}
