// A local mailbox for the demo and the end-to-end tests: the app delivers its e-mails by SMTP
// to this process, and people (GET /, an HTML page) or specs (GET /messages?to=ADDRESS, JSON)
// read them. Sign-up and sign-in codes are masked on the staff outbox page, so without a real
// relay this is where a demo visitor finds them. Messages live in memory only. Node built-ins only.
import { createServer as createHttpServer } from "node:http";
import { createServer as createTcpServer } from "node:net";

/** Quoted-printable and RFC 2047 encoded words, enough for nodemailer's UTF-8 text e-mails. */
function decodeQuotedPrintable(text) {
  const bytes = [];
  const raw = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "=" && /^[0-9A-F]{2}$/i.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(raw[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}
function decodeHeader(value) {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc, data) =>
    enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}
/** One MIME entity: its headers and decoded body; multipart ones hold their parts. */
function parseEntity(data) {
  const split = /\r?\n\r?\n/.exec(data);
  const head = split ? data.slice(0, split.index) : data;
  const raw = split ? data.slice(split.index + split[0].length) : "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const header = (name) => (new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded)?.[1] ?? "").trim();
  const type = header("Content-Type").toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(header("Content-Type"))?.[1];
  if (type.startsWith("multipart/") && boundary) {
    const parts = raw.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith("--")).map((p) => parseEntity(p.replace(/^\r?\n/, "")));
    return { header, type, body: "", parts };
  }
  let body = raw;
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  if (encoding === "quoted-printable") body = decodeQuotedPrintable(body);
  else if (encoding === "base64") body = Buffer.from(body.replace(/\s/g, ""), "base64").toString("utf8");
  return { header, type, body: body.replace(/\r\n/g, "\n"), parts: [] };
}
const leaves = (e) => (e.parts.length ? e.parts.flatMap(leaves) : [e]);
/** Subject, the plain text (and the HTML when there is one), the one-click unsubscribe address. */
function parseMessage(data) {
  const top = parseEntity(data);
  const all = leaves(top);
  const text = all.find((e) => !e.type || e.type.startsWith("text/plain"))?.body ?? "";
  const html = all.find((e) => e.type.startsWith("text/html"))?.body ?? "";
  return {
    subject: decodeHeader(top.header("Subject")),
    text,
    html,
    listUnsubscribe: top.header("List-Unsubscribe"),
    listUnsubscribePost: top.header("List-Unsubscribe-Post"),
  };
}

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function htmlPage(messages) {
  const items = [...messages]
    .reverse()
    .map(
      (m) => `<article><h2>${escapeHtml(m.subject || "(sans objet)")}</h2>
<p class="meta">À ${escapeHtml(m.to)} — ${escapeHtml(new Date(m.at).toLocaleString("fr-FR", { timeZone: "Europe/Paris" }))}</p>
<pre>${escapeHtml(m.text)}</pre></article>`,
    )
    .join("\n");
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Boîte mail de démonstration</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem}article{border:1px solid #888;border-radius:.5rem;padding:0 1rem;margin:1rem 0}
.meta{color:#444}pre{white-space:pre-wrap;font:inherit}</style></head>
<body><main><h1>Boîte mail de démonstration</h1>
<p>Les e-mails que le site envoie arrivent ici (les plus récents en haut). Rechargez la page pour voir les nouveaux.</p>
${items || "<p>Aucun e-mail pour le moment.</p>"}</main></body></html>`;
}

const listening = (server, port, host) =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

/**
 * Starts the SMTP side on `smtpPort` and the reading side on `httpPort`, both on `host`;
 * rejects when a port cannot be used. Resolves to the messages array (newest last) and a
 * function that closes both servers.
 */
export async function startMailbox({ smtpPort, httpPort, host = "127.0.0.1" }) {
  const messages = [];
  const smtp = createTcpServer((socket) => {
    let buffer = "";
    let inData = false;
    let to = [];
    const reply = (line) => socket.write(`${line}\r\n`);
    reply("220 mailbox");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          for (const address of to) messages.push({ to: address, ...parseMessage(data), at: new Date().toISOString() });
          to = [];
          reply("250 OK");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 mailbox");
        else if (verb === "RCPT") {
          to.push((/<([^>]*)>/.exec(line)?.[1] ?? "").toLowerCase());
          reply("250 OK");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
        } else reply("250 OK");
      }
    });
    socket.on("error", () => {});
  });

  const http = createHttpServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(JSON.stringify(messages.filter((m) => !to || m.to === to)));
      return;
    }
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "no-store");
    res.end(htmlPage(messages));
  });
  try {
    await listening(smtp, smtpPort, host);
    await listening(http, httpPort, host);
  } catch (err) {
    smtp.close();
    http.close();
    throw err;
  }

  return {
    messages,
    close() {
      smtp.close();
      http.close();
    },
  };
}
