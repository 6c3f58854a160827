/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that records what it accepted.
 * A message counts as delivered only when the server answered "250" to a client still connected —
 * as with a real MTA, which takes responsibility only at that point.
 */
import { SMTPServer } from 'smtp-server';

export type SinkMessage = { messageId: string | null; to: string[]; raw: string };

export type SinkDecision = { code: number; message: string } | null;

export type SmtpSinkOptions = {
  /** Wait this long before answering the end of DATA (a slow server). */
  delayMs?: number;
  /** Reject a message (after DATA) with an SMTP error; `attempt` counts per Message-ID from 1. */
  decide?: (message: { messageId: string | null; to: string[]; attempt: number }) => SinkDecision;
};

export type SmtpSink = {
  port: number;
  url: string;
  messages: SinkMessage[];
  /** Attempts per Message-ID (accepted or not). */
  attempts: Map<string, number>;
  countsById(): Map<string, number>;
  close(): Promise<void>;
};

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const attempts = new Map<string, number>();
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? null;
        const to = session.envelope.rcptTo.map((r) => r.address);
        const attempt = (attempts.get(messageId ?? '') ?? 0) + 1;
        attempts.set(messageId ?? '', attempt);
        const decision = options.decide?.({ messageId, to, attempt }) ?? null;
        if (decision) {
          callback(smtpError(decision.code, decision.message));
          return;
        }
        const finish = () => {
          if (closed.has(session.id)) {
            callback(smtpError(421, 'client went away'));
            return;
          }
          messages.push({ messageId, to, raw });
          callback(null, 'OK: queued');
        };
        if (options.delayMs) setTimeout(finish, options.delayMs);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A worker killed with SIGKILL resets its connections; a real MTA shrugs that off, and so does the sink
  // (without a listener, smtp-server's 'error' event would be an uncaught exception in the test process).
  server.on('error', () => undefined);
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    url: `smtp://naervaer:hemmelig@127.0.0.1:${port}`,
    messages,
    attempts,
    countsById() {
      const counts = new Map<string, number>();
      for (const m of messages) counts.set(m.messageId ?? '', (counts.get(m.messageId ?? '') ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
