// HTTPS with the sandbox's self-signed certificate: refused clearly, accepted with
// "Ignore SSL Issues (Insecure)", for a login (password) and for a token.
import { CredentialStore, testCredential } from '../harness';
import { CREDENTIAL_NAME, credentialsFor, runNode, useSandbox } from '../nodes/helpers';
import { expectNoSecrets, exposed } from '../credentials/helpers';

const ctx = useSandbox({ https: true });
const dmCreate = { operation: 'create', usernames: 'ivan.petrov' };

describe.each(['password', 'accessToken'] as const)('TLS with %s', (auth) => {
	it('reports a self-signed certificate and points to Ignore SSL Issues', async () => {
		const { sandbox } = ctx;
		const store = new CredentialStore({ [CREDENTIAL_NAME[auth]]: credentialsFor(sandbox, 'admin', auth) });
		const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth, store });
		expect(run.nodeError?.message).toBe(
			'The Squadus server uses a self-signed TLS certificate, which n8n does not trust',
		);
		expect(run.nodeError?.description).toMatch(/turn on "Ignore SSL Issues \(Insecure\)" in the credential/);
		expectNoSecrets(sandbox, ...exposed(run));
	});

	it('works with Ignore SSL Issues', async () => {
		const { sandbox } = ctx;
		const data = { ...credentialsFor(sandbox, 'admin', auth), ignoreSslIssues: true };
		const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
			auth,
			store: new CredentialStore({ [CREDENTIAL_NAME[auth]]: data }),
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toHaveLength(1);
		const type = auth === 'password' ? 'squadusApi' : 'squadusTokenApi';
		expect((await testCredential(type, data)).status).toBe('OK');
	});
});

it('the password credential test names the certificate problem', async () => {
	const result = await testCredential('squadusApi', credentialsFor(ctx.sandbox, 'admin'));
	expect(result).toMatchObject({
		status: 'Error',
		message: 'The Squadus server uses a self-signed TLS certificate, which n8n does not trust',
	});
});
