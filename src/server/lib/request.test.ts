import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp, SOCKET_ADDRESS_HEADER } from "./request";

/** Headers as server.mjs hands them to Next: the socket's address, and whatever X-Forwarded-For came. */
const h = (xff?: string, socket: string | null = "10.0.0.2") =>
  new Headers({ ...(xff ? { "x-forwarded-for": xff } : {}), ...(socket ? { [SOCKET_ADDRESS_HEADER]: socket } : {}) });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("clientIp", () => {
  it("without trusted proxies, uses the socket's address and ignores X-Forwarded-For (issue 15)", () => {
    expect(clientIp(h("6.6.6.6", "198.51.100.4"), 0)).toBe("198.51.100.4");
    expect(clientIp(h("6.6.6.6, 7.7.7.7", "198.51.100.4"), 0)).toBe("198.51.100.4");
    expect(clientIp(h(undefined, "::ffff:198.51.100.4"), 0)).toBe("198.51.100.4");
    expect(clientIp(h(undefined, "2001:db8::7"), 0)).toBe("2001:db8::7");
  });

  it("behind one trusted proxy, takes the address that proxy saw, not what the client wrote", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(h("203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("behind two proxies, skips the inner one", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9, 10.0.0.3"), 2)).toBe("203.0.113.9");
  });

  it("in production without server.mjs's header, trusts no header at all", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(clientIp(h("6.6.6.6", null), 0)).toBe("unknown");
    expect(clientIp(h("6.6.6.6, 203.0.113.9", null), 1)).toBe("unknown");
  });
});
