import type { IDataObject } from 'n8n-workflow';

const SECRET_SERVICES = ['password', 'resume', 'totp', 'email2fa'];

/** A user object as the server sent it, without the password hash and login tokens Rocket.Chat keeps in `services`. */
export function withoutSecrets(user: IDataObject): IDataObject {
	const safe = { ...user };
	delete safe.password;
	if (safe.services && typeof safe.services === 'object') {
		const services = { ...(safe.services as IDataObject) };
		for (const key of SECRET_SERVICES) delete services[key];
		safe.services = services;
		if (Object.keys(services).length === 0) delete safe.services;
	}
	return safe;
}
