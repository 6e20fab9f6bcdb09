/**
 * A real SMTP server on loopback (smtp-server) for e-mail channel tests: it records each message (envelope and raw
 * text), can require a login, and can refuse recipients with a given SMTP reply code. Plain text only (STARTTLS off).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The message as sent: headers, a blank line, the MIME body. */
  readonly raw: string;
  readonly user: string | undefined;
}

export interface SmtpReceiver {
  readonly port: number;
  readonly mails: readonly ReceivedMail[];
  close(): Promise<void>;
}

export interface SmtpReceiverOptions {
  /** When set, a login is required and must match. */
  readonly login?: { readonly user: string; readonly password: string };
  /** Refuse every recipient with this reply code (e.g. 550 permanent, 451 transient). */
  readonly refuseRecipients?: number;
}

/**
 * @example
 * const smtp = await startSmtpReceiver();
 * // channel.smtp = { host: '127.0.0.1', port: smtp.port, … }
 * await smtp.close();
 */
export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: options.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.login && auth.username === options.login.user && auth.password === options.login.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      if (options.refuseRecipients === undefined) callback();
      else callback(Object.assign(new Error('Recipient refused'), { responseCode: options.refuseRecipients }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8'), user: typeof session.user === 'string' ? session.user : undefined });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
