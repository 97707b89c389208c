// A real SMTP server inside the test process (smtp-server), for the delivery tests: it receives
// what nodemailer sends over a socket and parses it (mailparser) into subject, text, html and
// headers. It can refuse some recipients the way a relay does (5xx, for good; 4xx, for now).
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

/** `header(name)` is the raw value of a header as it crossed the wire (unfolded). */
export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; html: string; header: (name: string) => string | null };

export async function startSmtpServer(options: { refuse?: (to: string) => { code: number; message: string } | null } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address);
      if (refusal) {
        const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            header: (name: string) => {
              const line = mail.headerLines.find((l) => l.key === name.toLowerCase())?.line;
              return line ? line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim() : null;
            },
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
