import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server playing Brevo's transactional SMS API as documented
// (POST /v3/transactionalSMS/sms, `api-key` header, JSON { sender, recipient, content, type,
// unicodeEnabled }; 201 { reference, messageId, smsCount, usedCredits, remainingCredits }).
// It checks what the documentation requires and answers as told: 201, or an error status.

export type ReceivedSms = { sender: string; recipient: string; content: string; type: string; unicodeEnabled?: boolean };

export type BrevoSmsServer = {
  url: string;
  /** the texts accepted (201), in order */
  received: ReceivedSms[];
  /** every request, accepted or not */
  requests: number;
  /** the status the next requests get: 201 (default), or 400, 429, 500… */
  answer: number;
  close(): Promise<void>;
};

export async function startBrevoSmsServer(apiKey: string): Promise<BrevoSmsServer> {
  let nextId = 1_511_882_900_176_220;
  const state: Omit<BrevoSmsServer, "url" | "close"> = { received: [], requests: 0, answer: 201 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.requests += 1;
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method !== "POST" || req.url !== "/v3/transactionalSMS/sms") return reply(404, { code: "not_found", message: "Not found" });
      if (req.headers["api-key"] !== apiKey) return reply(401, { code: "unauthorized", message: "Key not found" });
      if (!String(req.headers["content-type"] ?? "").startsWith("application/json")) return reply(415, { code: "invalid_parameter", message: "json expected" });
      let body: Partial<ReceivedSms>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Partial<ReceivedSms>;
      } catch {
        return reply(400, { code: "bad_request", message: "Invalid JSON" });
      }
      for (const field of ["sender", "recipient", "content"] as const) {
        if (typeof body[field] !== "string" || !body[field]) return reply(400, { code: "missing_parameter", message: `${field} is missing` });
      }
      if (!/^[A-Za-z0-9]{1,11}$|^\d{1,15}$/.test(body.sender!)) return reply(400, { code: "invalid_parameter", message: "sender is invalid" });
      if (!/^\+?\d{6,15}$/.test(body.recipient!)) return reply(400, { code: "invalid_parameter", message: "recipient is invalid" });
      if (body.type !== undefined && body.type !== "transactional" && body.type !== "marketing") return reply(400, { code: "invalid_parameter", message: "type is invalid" });
      if (state.answer !== 201) {
        return reply(state.answer, { code: state.answer >= 500 ? "internal_error" : "invalid_parameter", message: `answer ${state.answer} as told` });
      }
      state.received.push(body as ReceivedSms);
      reply(201, { reference: `ref${nextId}`, messageId: nextId++, smsCount: 1, usedCredits: 0.045, remainingCredits: 100 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
