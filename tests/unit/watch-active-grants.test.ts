import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GrantDto } from "@/lib/grants/schemas";
import type { AgentBackend } from "@/lib/mcp/agent-backend";
import { watchActiveGrants } from "@/lib/mcp/watch-active-grants";

const NOW = Date.parse("2030-01-01T00:00:00Z");

function grantExpiringIn(seconds: number): GrantDto {
  return { id: `grt_${seconds}`, expiresAt: new Date(NOW + seconds * 1000).toISOString() } as GrantDto;
}

/** A backend whose active grants the test sets, and whose change announcements it makes. */
function fakeBackend() {
  let active: GrantDto[] = [];
  let announce = () => {};
  const backend = {
    listGrants: async () => active.filter((grant) => Date.parse(grant.expiresAt) > Date.now()),
    watchGrants: async (onChange: () => void) => void (announce = onChange),
  } as unknown as AgentBackend;
  return { backend, setActive: (grants: GrantDto[]) => (active = grants), announce: () => announce() };
}

describe("the active-grants resource watch", () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));
  afterEach(() => vi.useRealTimers());

  it("announces a grant reaching its expiry, with no event from Baton, and then the next one", async () => {
    const fake = fakeBackend();
    fake.setActive([grantExpiringIn(60), grantExpiringIn(300)]);
    const onUpdated = vi.fn();
    const watch = watchActiveGrants({ backend: fake.backend, onUpdated });
    await watch.start();

    await vi.advanceTimersByTimeAsync(59_000);
    expect(onUpdated).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_100);
    expect(onUpdated).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(240_000);
    expect(onUpdated).toHaveBeenCalledTimes(2);
    watch.stop();
  });

  it("announces an expiry once, even while Baton's clock lags and still lists the grant", async () => {
    const fake = fakeBackend();
    const lagging = grantExpiringIn(60);
    fake.backend.listGrants = async () => [lagging];
    const onUpdated = vi.fn();
    const watch = watchActiveGrants({ backend: fake.backend, onUpdated });
    await watch.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(onUpdated).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    watch.stop();
  });

  it("announces what Baton announces, re-arms the expiry timer for a new grant, and stops when told", async () => {
    const fake = fakeBackend();
    const onUpdated = vi.fn();
    const watch = watchActiveGrants({ backend: fake.backend, onUpdated });
    await watch.start();
    fake.setActive([grantExpiringIn(120)]);
    fake.announce();
    expect(onUpdated).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(121_000);
    expect(onUpdated).toHaveBeenCalledTimes(2);

    fake.setActive([grantExpiringIn(600)]);
    fake.announce();
    watch.stop();
    await vi.advanceTimersByTimeAsync(601_000);
    expect(onUpdated).toHaveBeenCalledTimes(3);
  });
});
