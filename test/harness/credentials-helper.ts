import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentialsEncrypted,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
} from 'n8n-workflow';

/** What n8n keeps in its database: credential data by credential name (or type). */
export class CredentialStore {
	private readonly data = new Map<string, ICredentialDataDecryptedObject>();

	/** Counters a test can assert on. */
	readonly stats = { preAuthentications: 0, updates: 0, oauthTokenUpdates: 0 };

	constructor(initial: Record<string, ICredentialDataDecryptedObject> = {}) {
		for (const [key, value] of Object.entries(initial)) this.set(key, value);
	}

	set(key: string, value: ICredentialDataDecryptedObject) {
		this.data.set(key, structuredClone(value));
	}

	get(key: string): ICredentialDataDecryptedObject | undefined {
		const value = this.data.get(key);
		return value === undefined ? undefined : structuredClone(value);
	}

	/** Finds the stored data for a node's credential reference: by name, then id, then type. */
	resolveKey(details: INodeCredentialsDetails | undefined, type: string): string {
		for (const key of [details?.name, details?.id, type]) {
			if (key && this.data.has(key)) return key;
		}
		throw new Error(
			`Harness: no credential data for ${JSON.stringify(details)} of type "${type}". Pass it in options.credentials.`,
		);
	}
}

class MemoryCredentials extends ICredentials<ICredentialDataDecryptedObject> {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private value: ICredentialDataDecryptedObject,
	) {
		super(details, type);
	}

	async getData() {
		return structuredClone(this.value);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.value) };
	}

	async setData(data: ICredentialDataDecryptedObject) {
		this.value = structuredClone(data);
	}

	async updateData(toUpdate: Partial<ICredentialDataDecryptedObject>, toDelete: string[] = []) {
		this.value = { ...this.value, ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete this.value[key];
	}
}

/**
 * Applies credentials the way n8n's CLI CredentialsHelper does: generic and function
 * `authenticate`, `preAuthentication` on an empty or expired hidden expirable field (and
 * on credential tests), persistence of the refreshed data, and OAuth token updates.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		readonly credentialTypes: Record<string, ICredentialType>,
		readonly store: CredentialStore,
	) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.credentialTypes[name];
		if (!type) throw new Error(`Harness: unknown credential type "${name}"`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.credentialTypes[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) throw new Error('Harness: generic authenticate needs workflow and node');
			const resolve = (value: string) => {
				if (typeof value !== 'string' || !value.startsWith('=')) return value;
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				);
				return resolved ? String(resolved) : '';
			};
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				const target = ((requestOptions as unknown as Record<string, Record<string, unknown>>)[
					outerKey
				] ??= {});
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					target[resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = this.getCredentialsProperties(typeName).find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		const current = credentials[expirable.name];
		if (!(current === '' || current === undefined || credentialsExpired || isTestingCredentials)) {
			return undefined;
		}
		this.store.stats.preAuthentications++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details) {
			const key = this.store.resolveKey(details, typeName);
			await this.updateCredentials(
				details,
				typeName,
				{ ...this.store.get(key), ...output } as ICredentialDataDecryptedObject,
				key,
			);
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return ((await type.preAuthentication.call(helpers, credentials)) ??
			undefined) as ICredentialDataDecryptedObject | undefined;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const key = this.store.resolveKey(details, type);
		return new MemoryCredentials(details, type, this.store.get(key)!);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.get(this.store.resolveKey(details, type))!;
		// n8n fills in every property's default before handing data to a node.
		for (const property of this.getCredentialsProperties(type)) {
			if (data[property.name] === undefined && property.default !== undefined) {
				data[property.name] = property.default as never;
			}
		}
		// n8n resolves credential expressions; the only kind credential types use is $self["field"].
		for (const [key, value] of Object.entries(data)) {
			const self = typeof value === 'string' ? /^=\{\{\s*\$self\[["'](\w+)["']\]\s*\}\}$/.exec(value) : null;
			if (self) data[key] = data[self[1]] as never;
		}
		return data;
	}

	async updateCredentials(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
		key = this.store.resolveKey(details, type),
	): Promise<void> {
		this.store.stats.updates++;
		this.store.set(key, data);
	}

	async updateCredentialsOauthTokenData(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.stats.oauthTokenUpdates++;
		const key = this.store.resolveKey(details, type);
		this.store.set(key, { ...this.store.get(key), oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const definition = this.type(type);
		if (!definition.extends) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...definition.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', default: {} },
				];
			}
			return definition.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of definition.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, definition.properties);
		return combined;
	}
}
