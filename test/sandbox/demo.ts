// The demo seed's credentials and the secrets among them, with no imports: the suite's global
// teardown (the secret scan) reads them without loading the sandbox.
export const DEMO_CREDENTIALS = {
	admin: {
		username: 'admin',
		password: 'Admin#Passw0rd',
		personalAccessToken: 'hpBkrR9Bb2F9LUvtD2g83a6-JLSqx3LMddyw6WVG6Ol',
	},
	user: {
		username: 'ivan.petrov',
		password: 'Ivan#Passw0rd',
		personalAccessToken: 'syu6bbcNvmpUyMfvfq6YDR7Xd1c6VMCJKM-wnnTCo45',
	},
	totpUser: {
		username: 'maria.ivanova',
		password: 'Maria#Passw0rd',
		totpSecret: 'AXQMUB2ARVDWLQMX53BRYA2MKNRI72RV',
	},
	bot: {
		username: 'notify.bot',
		password: 'Bot#Passw0rd',
		personalAccessToken: 'XmCizswvJkd4WfAeR_M1eEehJOgEBGdwdFHNCeXYLTl',
	},
	anna: { username: 'anna.smirnova', password: 'Anna#Passw0rd' },
	petr: { username: 'petr.sidorov', password: 'Petr#Passw0rd' },
	oauth: {
		serviceName: 'keycloak',
		clientId: 'squadus-n8n',
		clientSecret: 'XTYxE5WAbjuoadwFduJxgU6WbZVQaIwY',
	},
	saml: { credentialToken: 'xQSYXhs2kZ2i4xOcRt-t5J6e6lYOZiZ9fl_qUkCfudB' },
} as const;

export const DEMO_SECRETS: readonly string[] = [
	DEMO_CREDENTIALS.admin.password,
	DEMO_CREDENTIALS.admin.personalAccessToken,
	DEMO_CREDENTIALS.user.password,
	DEMO_CREDENTIALS.user.personalAccessToken,
	DEMO_CREDENTIALS.totpUser.password,
	DEMO_CREDENTIALS.totpUser.totpSecret,
	DEMO_CREDENTIALS.bot.password,
	DEMO_CREDENTIALS.bot.personalAccessToken,
	DEMO_CREDENTIALS.anna.password,
	DEMO_CREDENTIALS.petr.password,
	DEMO_CREDENTIALS.oauth.clientSecret,
	DEMO_CREDENTIALS.saml.credentialToken,
];
