// Bad-input matrix, generated from the node descriptions: for every operation of every node,
// each required parameter the operation shows is left empty, then given a value of the wrong
// type. Each case must fail with a NodeOperationError naming the parameter, before any request.
import {
	NodeHelpers,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { loadPackageNodeTypes } from '../harness';
import { runNode, useSandbox } from '../nodes/helpers';

interface Case {
	node: string;
	operation: string;
	parameter: string;
	kind: 'empty' | 'wrong type';
	parameters: INodeParameters;
}

const VERSION = { typeVersion: 1 };
const rl = (value: unknown) => ({ __rl: true, mode: 'id', value });

function firstOption(property: INodeProperties): unknown {
	const [option] = property.options ?? [];
	return option && 'value' in option ? option.value : undefined;
}

/** A value the generic check accepts, so that only the parameter under test is bad. */
function validValue(property: INodeProperties): unknown {
	switch (property.type) {
		case 'options':
			return property.default !== '' && property.default !== undefined ? property.default : firstOption(property);
		case 'multiOptions':
			return [firstOption(property)];
		case 'number':
			return typeof property.default === 'number' ? property.default : 1;
		case 'boolean':
			return typeof property.default === 'boolean' ? property.default : true;
		case 'resourceLocator':
			return rl('validId1234567890');
		case 'json':
			return '{}';
		case 'dateTime':
			return '2024-01-19T10:30:00Z';
		case 'string':
			return property.typeOptions?.password ? 'Valid-Password-1' : 'valid-value';
		default:
			return property.default;
	}
}

/**
 * Empty, as an expression mapping an empty input field gives (a literal empty value never
 * reaches the node: n8n refuses to start a workflow with an empty required parameter).
 */
function emptyValue(property: INodeProperties): unknown {
	if (property.type === 'resourceLocator') return rl('={{ $json.missing }}');
	if (property.type === 'multiOptions') return '={{ [] }}';
	if (property.type === 'number' || property.type === 'boolean') return '={{ null }}';
	return "={{ '' }}";
}

/** A value of the wrong type, as an expression mapping the wrong input field would give. */
function wrongValue(property: INodeProperties): unknown {
	switch (property.type) {
		case 'number':
			return "={{ 'twelve' }}";
		case 'boolean':
			return "={{ 'yes please' }}";
		case 'resourceLocator':
			return rl('={{ { id: 1 } }}');
		case 'multiOptions':
			return "={{ 'not a list' }}";
		case 'json':
			return '={{ "{ not json" }}';
		case 'dateTime':
			return '={{ "not a date" }}';
		default:
			return "={{ ['a', 'list'] }}";
	}
}

function casesFor(nodeType: INodeType): Case[] {
	const description = nodeType.description as INodeTypeDescription;
	const operation = description.properties.find((property) => property.name === 'operation');
	const cases: Case[] = [];
	for (const option of operation?.options ?? []) {
		if (!('value' in option)) continue;
		const base = { authentication: 'password', operation: option.value as string };
		const all = NodeHelpers.getNodeParameters(description.properties, base, true, false, VERSION, description) ?? {};
		const required = description.properties.filter(
			(property) =>
				property.required &&
				property.name !== 'operation' &&
				NodeHelpers.displayParameter(all, property, VERSION, description),
		);
		const valid = Object.fromEntries(required.map((property) => [property.name, validValue(property)]));
		for (const property of required) {
			for (const [kind, value] of [
				['empty', emptyValue(property)],
				['wrong type', wrongValue(property)],
			] as const) {
				cases.push({
					node: description.name,
					operation: base.operation,
					parameter: property.displayName,
					kind,
					parameters: { ...base, ...valid, [property.name]: value } as INodeParameters,
				});
			}
		}
	}
	return cases;
}

const cases = Object.values(loadPackageNodeTypes()).flatMap((nodeType) => casesFor(nodeType as INodeType));

describe('bad input: every required parameter of every operation, empty and of the wrong type', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	it('covers every node that has operations', () => {
		const nodes = new Set(cases.map((entry) => entry.node));
		// Every action node has at least one required parameter somewhere (the Changelog's
		// only operation has none, and the trigger is polled, not executed).
		expect([...nodes].sort()).toEqual(
			[
				'squadusAuth',
				'squadusAutoupdate',
				'squadusChannel',
				'squadusChat',
				'squadusConference',
				'squadusDirectMessage',
				'squadusMeetingRecord',
				'squadusUser',
			].sort(),
		);
	});

	it.each(cases.map((entry) => [`${entry.node} → ${entry.operation}: "${entry.parameter}" ${entry.kind}`, entry]))(
		'%s',
		async (_title, entry) => {
			const run = await runNode(ctx.sandbox, entry.node, entry.parameters, { input: [{ n: 1 }] });
			expect(run.nodeError).toBeDefined();
			expect(run.nodeError!.name).toBe('NodeOperationError');
			expect(run.nodeError!.message).toContain(`"${entry.parameter}"`);
			expect(ctx.sandbox.requests()).toEqual([]);
		},
	);
});
