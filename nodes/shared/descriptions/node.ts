import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

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
): Pick<INodeTypeDescription, 'version' | 'inputs' | 'outputs' | 'credentials' | 'properties'> {
	return {
		version: 1,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: squadusCredentials,
		properties: [authenticationProperty, operationProperty, ...descriptions],
	};
}

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
