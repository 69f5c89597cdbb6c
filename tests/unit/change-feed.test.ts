import { afterEach, describe, expect, it, vi } from "vitest";
import { createChangeFeed, type ChangeFeed, type ConnectChangeFeed } from "@/lib/events/create-change-feed";

/** A connect function over fake connections the test can feed, break and refuse. */
function fakeDatabase() {
  let refusing = false;
  let pingsAnswer = true;
  const opened: { send: (payload: string) => void; lose: () => void; closed: boolean }[] = [];
  const connect: ConnectChangeFeed = async ({ onPayload, onLost }) => {
    if (refusing) throw new Error("connection refused");
    const connection = { send: onPayload, lose: onLost, closed: false };
    opened.push(connection);
    return { ping: () => (pingsAnswer ? Promise.resolve() : new Promise(() => undefined)), close: async () => void (connection.closed = true) };
  };
  return {
    connect,
    opened,
    latest: () => opened[opened.length - 1]!,
    refuse: (value: boolean) => void (refusing = value),
    answerPings: (value: boolean) => void (pingsAnswer = value),
  };
}

const change = (seq: number) => JSON.stringify({ seq: String(seq), action: "grant.revoked", subjectKind: "grant", subjectId: "grt_1", agentId: "agt_1" });

describe("createChangeFeed", () => {
  let feed: ChangeFeed | undefined;
  afterEach(async () => {
    await feed?.stop();
    vi.useRealTimers();
  });

  it("delivers changes, reports a lost connection, reconnects every 250 ms until it can and then asks for a resync", async () => {
    vi.useFakeTimers();
    const database = fakeDatabase();
    feed = createChangeFeed({ connect: database.connect });
    const heard: string[] = [];
    const events: string[] = [];
    await feed.subscribe({ onChange: (c) => heard.push(c.seq), onResync: () => events.push("resync"), onDisconnected: () => events.push("disconnected") });
    expect(feed.isConnected()).toBe(true);
    database.latest().send(change(1));
    database.latest().send("not json");
    expect(heard).toEqual(["1"]);

    database.refuse(true);
    database.latest().lose();
    expect(feed.isConnected()).toBe(false);
    expect(events).toEqual(["disconnected"]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(database.opened).toHaveLength(1);

    database.refuse(false);
    await vi.advanceTimersByTimeAsync(250);
    expect(feed.isConnected()).toBe(true);
    expect(events).toEqual(["disconnected", "resync"]);
    expect(database.opened).toHaveLength(2);
  });

  it("lets the last-heard time fall behind while heartbeats go unanswered", async () => {
    vi.useFakeTimers();
    const database = fakeDatabase();
    feed = createChangeFeed({ connect: database.connect, heartbeatMs: 100 });
    await feed.subscribe({ onChange: () => undefined });
    await vi.advanceTimersByTimeAsync(1000);
    expect(Date.now() - feed.lastHeardAt()).toBeLessThanOrEqual(100);
    database.answerPings(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(Date.now() - feed.lastHeardAt()).toBeGreaterThanOrEqual(900);
  });

  it("rejects a first subscription that cannot connect, and connects on the next", async () => {
    const database = fakeDatabase();
    feed = createChangeFeed({ connect: database.connect });
    database.refuse(true);
    await expect(feed.subscribe({ onChange: () => undefined })).rejects.toThrow("connection refused");
    database.refuse(false);
    await feed.subscribe({ onChange: () => undefined });
    expect(feed.isConnected()).toBe(true);
  });

  it("answers awaitHeard once the sequence number has been delivered", async () => {
    const database = fakeDatabase();
    feed = createChangeFeed({ connect: database.connect });
    await feed.subscribe({ onChange: () => undefined });
    let done = false;
    const waiting = feed.awaitHeard(3n, 10_000).then(() => (done = true));
    database.latest().send(change(2));
    await Promise.resolve();
    expect(done).toBe(false);
    database.latest().send(change(3));
    await waiting;
    expect(done).toBe(true);
    await feed.awaitHeard(1n);
  });
});
