import { describe, expect, it } from "vitest";
import { clientIp } from "./request";

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("clientIp", () => {
  it("behind one trusted proxy, takes the address that proxy saw, not what the client wrote", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(h("203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("behind two proxies, skips the inner one", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("without proxies, uses the header Next.js sets from the socket", () => {
    expect(clientIp(h("198.51.100.4"), 0)).toBe("198.51.100.4");
    expect(clientIp(h(), 0)).toBe("unknown");
  });
});
