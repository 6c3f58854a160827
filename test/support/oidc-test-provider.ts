/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1 for the single sign-on tests: one client
 * (authorization code, `client_secret_post`), the `email` and `profile` scopes, and the people the
 * test names — its login name → e-mail and whether the e-mail is verified.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestProvider = { issuer: string; server: Server };

export async function startOidcProvider(options: {
  redirectUri: string;
  clientId: string;
  clientSecret: string;
  /** The person behind a login name, or undefined when the provider does not know it. */
  person: (id: string) => { email: string; verified: boolean } | undefined;
}): Promise<TestProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    async findAccount(_ctx, id) {
      const person = options.person(id);
      if (!person) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: person.email, email_verified: person.verified, name: id };
        },
      };
    },
  });
  handler = provider.callback();
  return { issuer, server };
}
