import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** What one operation returns for one input item. */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

/** One file per operation exports this shape (see nodes/<Node>/actions/<operation>.operation.ts). */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/**
	 * Parameter path of the operation's Batching option (e.g. `options.batching`), when its
	 * description has one: the router reads Items per Batch there.
	 */
	batching?: string;
	/**
	 * Parameter path of the operation's Timeout option (e.g. `options.timeout`), when its
	 * description has one: the router hands it to the transport, which applies it to every request.
	 */
	timeout?: string;
	/**
	 * The operation's simplifier, when it returns large Rocket.Chat objects (messages, rooms,
	 * users, conferences): its description then has the Simplify field (`simplifyField()`,
	 * shown from node version 2 on), and the router applies this to every output item's JSON
	 * when the item's Simplify parameter is on. Version 1 nodes don't show Simplify, so their
	 * output stays raw.
	 */
	simplify?: Simplifier;
}

/** Picks the fields people use from one Rocket.Chat object (see nodes/shared/helpers/simplify.ts). */
export type Simplifier = (item: IDataObject) => IDataObject;

/** The node's Authentication parameter values. */
export type SquadusAuthentication = 'password' | 'accessToken' | 'oAuth2';
export type SquadusCredentialType = 'squadusApi' | 'squadusTokenApi' | 'squadusOAuth2Api';

/** The credential type each Authentication choice selects. */
export function credentialTypeFor(authentication: string): SquadusCredentialType {
	switch (authentication) {
		case 'accessToken':
			return 'squadusTokenApi';
		case 'oAuth2':
			return 'squadusOAuth2Api';
		default:
			return 'squadusApi';
	}
}
