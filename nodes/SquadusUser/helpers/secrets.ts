import type { IDataObject } from 'n8n-workflow';

/**
 * Login data Rocket.Chat keeps in a user's `services`: the password hash and reset token, the
 * session (resume) tokens, the TOTP secret and backup codes, e-mail codes and verification
 * tokens. These services go entirely.
 */
const SECRET_SERVICES = new Set(['password', 'resume', 'totp', 'email2fa', 'email']);

/**
 * Every other service is an external login (ldap, saml, an OAuth provider such as keycloak).
 * Of it only `id`, the user's identifier there, is kept: its access, refresh and id tokens,
 * session indexes and anything else go.
 */
const KEPT_SERVICE_FIELDS = ['id'];

/** A user object as the server sent it, without the password hash, login tokens and secrets in `services`. */
export function withoutSecrets(user: IDataObject): IDataObject {
	const safe = { ...user };
	delete safe.password;
	const services = safe.services;
	delete safe.services;
	if (!services || typeof services !== 'object') return safe;
	const kept: IDataObject = {};
	for (const [name, service] of Object.entries(services as IDataObject)) {
		if (SECRET_SERVICES.has(name) || !service || typeof service !== 'object') continue;
		const fields: IDataObject = {};
		for (const field of KEPT_SERVICE_FIELDS) {
			const value = (service as IDataObject)[field];
			if (typeof value === 'string' || typeof value === 'number') fields[field] = value;
		}
		if (Object.keys(fields).length > 0) kept[name] = fields;
	}
	if (Object.keys(kept).length > 0) safe.services = kept;
	return safe;
}
