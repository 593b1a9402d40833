import {
	NodeConnectionTypes,
	type INodePropertyOptions,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { authenticationProperty, squadusCredentials } from './authentication';

/**
 * The part of an action node's description that every Squadus node shares: version, one main
 * input and output, the three credentials, and Authentication + Operation ahead of the
 * operations' fields. The node file keeps displayName, name, icon, group, subtitle and
 * usableAsTool literal, because the n8n lint rules read them from the class itself.
 */
export function squadusNodeDescription(
	operationProperty: INodeProperties,
	descriptions: INodeProperties[],
	{ versions = [1] }: { versions?: number[] } = {},
): Pick<
	INodeTypeDescription,
	'version' | 'defaultVersion' | 'inputs' | 'outputs' | 'credentials' | 'properties'
> {
	return {
		...(versions.length === 1
			? { version: versions[0] }
			: { version: versions, defaultVersion: versions[versions.length - 1] }),
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: squadusCredentials,
		properties: [authenticationProperty, operationProperty, ...descriptions],
	};
}

/**
 * The part of a trigger node's description that both Squadus triggers share: version, no input,
 * one output, the three credentials, and Authentication ahead of the trigger's fields.
 */
export function squadusTriggerDescription(
	properties: INodeProperties[],
): Pick<INodeTypeDescription, 'version' | 'inputs' | 'outputs' | 'credentials' | 'properties'> {
	return {
		version: 1,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: squadusCredentials,
		properties: [authenticationProperty, ...properties],
	};
}

/** A trigger's "Trigger On" choice of events (parameter `event`). */
export function triggerOnProperty(
	options: INodePropertyOptions[],
	defaultEvent: string,
): INodeProperties {
	return {
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options,
		default: defaultEvent,
	};
}

/**
 * Node versions. Version 2 (Chat, Channel, User, Conference, Direct Message) takes users in one
 * field per idea and adds Simplify; workflows saved with version 1 keep version 1's fields.
 */
export const NODE_VERSIONS = [1, 2];

/** displayOptions.show condition for parameters that exist from version 2 on. */
export const FROM_VERSION_2 = { '@version': [{ _cnd: { gte: 2 } }] };

/** displayOptions.show condition for parameters that only version 1 has. */
export const ONLY_VERSION_1 = { '@version': [1] };

/**
 * A node subtitle that shows the display name of the chosen option ("Get Many", not "getAll"),
 * built from the options property itself so the two cannot drift apart.
 */
export function optionSubtitle(property: INodeProperties): string {
	const names: Record<string, string> = {};
	for (const option of property.options ?? []) {
		if ('value' in option) names[String(option.value)] = option.name;
	}
	return `={{ (${JSON.stringify(names)})[$parameter["${property.name}"]] }}`;
}
