// Text messages through a provider. One real adapter: Brevo's transactional SMS API (the one
// rdv-insertion and immersion facilitée use), POST /v3/transactionalSMS/sms with the account's
// `api-key` header and { sender, recipient, content, type, unicodeEnabled }; 201 answers
// { messageId, … }. Brevo has announced POST /v3/transactionalSMS/send as its successor (same
// body, answer { messageId }); the older path stays operational and is the documented one here.

export type SmsMessage = { /** E.164, "+33612345678" */ to: string; text: string };

export interface SmsProvider {
  /** Sends one text; resolves with the provider's id for it, or throws an SmsError. */
  send(message: SmsMessage): Promise<{ providerId: string }>;
}

/** A refused or failed send: `retryable` says whether trying again later may work. */
export class SmsError extends Error {
  constructor(
    message: string,
    public readonly retryable: boolean,
    public readonly status?: number,
  ) {
    super(message);
    this.name = "SmsError";
  }
}

export class SmsConfigError extends Error {}

export const DEFAULT_SMS_API_URL = "https://api.brevo.com";
const TIMEOUT_MS = 15_000;

/** Brevo refuses alphanumeric senders longer than 11 characters (and operators strip accents and spaces). */
export const SMS_SENDER_PATTERN = /^[A-Za-z0-9]{1,11}$/;

export class BrevoSmsProvider implements SmsProvider {
  constructor(
    private readonly options: { apiKey: string; sender: string; apiUrl?: string; fetch?: typeof fetch },
  ) {}

  async send({ to, text }: SmsMessage): Promise<{ providerId: string }> {
    const url = `${(this.options.apiUrl ?? DEFAULT_SMS_API_URL).replace(/\/+$/, "")}/v3/transactionalSMS/sms`;
    const body = {
      sender: this.options.sender,
      // Brevo wants the international number without its "+" ("33612345678")
      recipient: to.replace(/^\+/, ""),
      content: text,
      type: "transactional",
      // accents (é, à, ç) are kept rather than turned into their English look-alikes
      unicodeEnabled: /[^\x20-\x7e\n]/.test(text),
    };
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: "POST",
        headers: { "api-key": this.options.apiKey, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new SmsError(`fournisseur SMS injoignable : ${err instanceof Error ? err.message : String(err)}`, true);
    }
    const answer = await response.text();
    if (response.status === 201 || response.status === 200) {
      let id: unknown;
      try {
        id = (JSON.parse(answer) as { messageId?: unknown }).messageId;
      } catch {
        id = undefined;
      }
      if (id === undefined || id === null) throw new SmsError(`réponse du fournisseur SMS sans messageId : ${answer.slice(0, 200)}`, false, response.status);
      return { providerId: String(id) };
    }
    const detail = answerMessage(answer);
    // 429 (too many requests) and 5xx pass; other 4xx (bad number, bad key, no credits) need a person
    const retryable = response.status === 429 || response.status >= 500;
    throw new SmsError(`fournisseur SMS : HTTP ${response.status}${detail ? ` (${detail})` : ""}`, retryable, response.status);
  }
}

function answerMessage(text: string): string {
  try {
    const json = JSON.parse(text) as { code?: unknown; message?: unknown };
    return [json.code, json.message].filter((x) => typeof x === "string").join(" : ");
  } catch {
    return text.replace(/\s+/g, " ").trim().slice(0, 200);
  }
}

/**
 * The SMS provider from the environment: SMS_API_KEY (Brevo's API key), SMS_SENDER (the name
 * shown to people, up to 11 letters or digits), SMS_API_URL (Brevo's address by default). Null
 * without SMS_API_KEY: text messages then wait in the outbox.
 */
export function smsProviderFromEnv(env: Record<string, string | undefined> = process.env): SmsProvider | null {
  const apiKey = env.SMS_API_KEY?.trim();
  if (!apiKey) return null;
  const sender = env.SMS_SENDER?.trim();
  if (!sender) throw new SmsConfigError("SMS_API_KEY est défini mais SMS_SENDER manque (nom de l'expéditeur des SMS, 11 lettres ou chiffres au plus).");
  if (!SMS_SENDER_PATTERN.test(sender)) {
    throw new SmsConfigError(`SMS_SENDER « ${sender} » refusé : 11 caractères au plus, lettres sans accent et chiffres seulement (ex. Emploi41).`);
  }
  const apiUrl = env.SMS_API_URL?.trim() || DEFAULT_SMS_API_URL;
  if (!/^https?:\/\//.test(apiUrl)) throw new SmsConfigError("SMS_API_URL doit commencer par https:// (ou http:// pour un serveur local).");
  return new BrevoSmsProvider({ apiKey, sender, apiUrl });
}
