/**
 * npm run sandbox [-- --port 3000] [--host 0.0.0.0] [--https] [--seed empty] [--no-rate-limit] [--dialect manual]
 *
 * Starts the Squadus sandbox with the demo seed and rate limiting on, prints what a human needs
 * to try the flows, and serves until Ctrl-C.
 */
import { startSandbox, TLS_CERT_PATH } from './index';
import { totpUri } from './totp';
import type { Sandbox, SandboxOptions } from './types';

function parseArgs(argv: string[]): SandboxOptions & { help?: boolean } {
	const opts: SandboxOptions & { help?: boolean } = {
		port: process.env.PORT ? Number(process.env.PORT) : 3000,
		rateLimit: { limit: 10, windowMs: 60_000 },
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.split('=', 2);
		const value = (): string => inline ?? argv[++i] ?? '';
		switch (flag) {
			case '--port':
			case '-p':
				opts.port = Number(value());
				break;
			case '--host':
				opts.host = value();
				break;
			case '--https':
				opts.https = true;
				break;
			case '--seed':
				opts.seed = value() === 'empty' ? 'empty' : 'demo';
				break;
			case '--no-rate-limit':
				opts.rateLimit = false;
				break;
			case '--dialect': {
				const dialect = value();
				if (dialect !== 'manual' && dialect !== 'rocketchat')
					throw new Error('--dialect must be manual or rocketchat');
				opts.dialect = dialect;
				break;
			}
			case '--help':
			case '-h':
				opts.help = true;
				break;
			default:
				throw new Error(`Unknown argument ${arg} (try --help)`);
		}
	}
	if (!Number.isInteger(opts.port) || (opts.port as number) < 0 || (opts.port as number) > 65535) {
		throw new Error(`Invalid port ${String(opts.port)}`);
	}
	return opts;
}

function banner(sandbox: Sandbox, opts: SandboxOptions): string {
	const f = sandbox.fixtures;
	const api = `${sandbox.url}/api/v1`;
	const lines = [
		'',
		'  Squadus sandbox (a local stand-in for Squadus 1.7 / Rocket.Chat)',
		'  ================================================================',
		'',
		`  Server address (enter this in n8n):  ${sandbox.url}`,
		`  REST API:                            ${api}`,
		`  Rate limit:                          ${opts.rateLimit ? `${opts.rateLimit.limit} calls / ${opts.rateLimit.windowMs / 1000} s per route and user (admins and bots bypass)` : 'off'}`,
	];
	if (opts.https)
		lines.push(
			`  TLS certificate (self-signed):       ${TLS_CERT_PATH}`,
			'                                       (NODE_EXTRA_CA_CERTS=<that file> makes Node trust it)',
		);
	lines.push(
		'',
		'  Password login (POST /api/v1/login)',
		`    admin         ${f.admin.username} / ${f.admin.password}`,
	);
	if (f.seed === 'demo') {
		lines.push(
			`    user          ${f.user.username} / ${f.user.password}`,
			`    2FA user      ${f.totpUser.username} / ${f.totpUser.password}`,
			`                  TOTP secret ${f.totpUser.totpSecret}`,
			`                  ${totpUri(f.totpUser.totpSecret, f.totpUser.username)}`,
			`                  current code: GET ${sandbox.url}/_sandbox/totp?username=${f.totpUser.username}`,
			'',
			'  Personal access tokens (headers X-Auth-Token + X-User-Id)',
			`    admin         token ${f.admin.personalAccessToken}   user id ${f.admin._id}`,
			`    ivan.petrov   token ${f.user.personalAccessToken}   user id ${f.user._id}`,
			`    notify.bot    token ${f.bot.personalAccessToken}   user id ${f.bot._id}`,
		);
	} else {
		lines.push(
			'',
			'  Personal access token (headers X-Auth-Token + X-User-Id)',
			`    admin         token ${f.admin.personalAccessToken}   user id ${f.admin._id}`,
		);
	}
	lines.push(
		'',
		`  OAuth2 provider "${f.oauth.serviceName}" (mock Keycloak; auto-approves as ${f.oauth.providerUser.username})`,
		`    client id      ${f.oauth.clientId}`,
		`    client secret  ${f.oauth.clientSecret}`,
		`    authorize URL  ${f.oauth.authorizeUrl}`,
		`    token URL      ${f.oauth.tokenUrl}`,
		`    then: POST ${api}/method.callAnon/login {"message":"{\\"msg\\":\\"method\\",\\"id\\":\\"1\\",\\"method\\":\\"login\\",\\"params\\":[{\\"serviceName\\":\\"${f.oauth.serviceName}\\",\\"accessToken\\":\\"<token>\\",\\"expiresIn\\":3600}]}"}`,
		`    (the manual's flat body {"serviceName":…,"accessToken":…,"expiresIn":3600} with --dialect manual)`,
		'',
		`  SAML credential token (one-time, ${f.saml.username}): ${f.saml.credentialToken}`,
	);
	if (f.seed === 'demo') {
		lines.push(
			'',
			`  Channels: #general ${f.channels.general._id}   #dev ${f.channels.dev._id}   #random ${f.channels.random._id}`,
			`  Conference: "Планёрка" number ${f.conference.number}, meeting id ${f.conference.meetingId}`,
		);
	}
	lines.push(
		'',
		`  Sandbox controls: ${sandbox.url}/_sandbox/state | /_sandbox/requests | /_sandbox/fixtures`,
		'  Press Ctrl-C to stop.',
		'',
	);
	return lines.join('\n');
}

async function main(): Promise<void> {
	const opts = parseArgs(process.argv.slice(2));
	if (opts.help) {
		console.log(
			'Usage: npm run sandbox -- [--port 3000] [--host 127.0.0.1] [--https] [--seed demo|empty] [--no-rate-limit] [--dialect rocketchat|manual]',
		);
		return;
	}
	const sandbox = await startSandbox(opts);
	console.log(banner(sandbox, opts));
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		console.log('\n  Stopping the sandbox…');
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
	console.error(`sandbox: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
});
