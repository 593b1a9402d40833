import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
} from 'n8n-workflow';

import type { SquadusCredentialType } from '../types';

/*
 * The transport's shared types. This module imports no transport module, so request.ts and
 * the modules it uses (session, oauth2, paginate, resume) can all import from here without a
 * circle.
 */

export type SquadusContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| ITriggerFunctions;

export interface SquadusRequestOptions {
	body?: IDataObject | IDataObject[] | FormData;
	qs?: IDataObject;
	headers?: IDataObject;
	/** The input item the request belongs to, for error messages. */
	itemIndex?: number;
	/** An absolute path on the server (e.g. a file download link) instead of an `/api/v1` endpoint. */
	serverPath?: boolean;
	/** Return the raw body as a Buffer (file downloads). */
	binary?: boolean;
	/**
	 * Secrets this request carries besides the credential's (e.g. a new user's password, a
	 * token to revoke): redacted from any error as the credential's are.
	 */
	secrets?: unknown[];
}

/** What one node run needs on every request, read once (getCredentials is a DB read in n8n). */
export interface ResolvedAuth {
	type: SquadusCredentialType;
	credentials: ICredentialDataDecryptedObject;
	server: string;
	credentialId: string;
	credentialName: string;
}
