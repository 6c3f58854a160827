/** The small part of `oidc-provider` (no bundled types) the SSO tests use: a provider and its HTTP handler. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Account = { accountId: string; claims(): Promise<Record<string, string | boolean>> };

  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, string | string[]>[];
        claims: Record<string, string[]>;
        cookies: { keys: string[] };
        findAccount(ctx: unknown, id: string): Promise<Account | undefined>;
      },
    );
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
