import { NodeHelpers, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import * as auth from '../../nodes/SquadusAuth/actions';
import * as autoupdate from '../../nodes/SquadusAutoupdate/actions';
import * as changelog from '../../nodes/SquadusChangelog/actions';
import * as channel from '../../nodes/SquadusChannel/actions';
import * as chat from '../../nodes/SquadusChat/actions';
import * as conference from '../../nodes/SquadusConference/actions';
import * as directMessage from '../../nodes/SquadusDirectMessage/actions';
import * as meetingRecord from '../../nodes/SquadusMeetingRecord/actions';
import * as user from '../../nodes/SquadusUser/actions';
import { SquadusAuth } from '../../nodes/SquadusAuth/SquadusAuth.node';
import { SquadusAutoupdate } from '../../nodes/SquadusAutoupdate/SquadusAutoupdate.node';
import { SquadusChangelog } from '../../nodes/SquadusChangelog/SquadusChangelog.node';
import { SquadusChannel } from '../../nodes/SquadusChannel/SquadusChannel.node';
import { SquadusChat } from '../../nodes/SquadusChat/SquadusChat.node';
import { SquadusConference } from '../../nodes/SquadusConference/SquadusConference.node';
import { SquadusDirectMessage } from '../../nodes/SquadusDirectMessage/SquadusDirectMessage.node';
import { SquadusMeetingRecord } from '../../nodes/SquadusMeetingRecord/SquadusMeetingRecord.node';
import { SquadusUser } from '../../nodes/SquadusUser/SquadusUser.node';
import { simplifyField } from '../../nodes/shared/descriptions';
import type { OperationModule } from '../../nodes/shared/types';

const nodes: Record<string, Record<string, OperationModule>> = {
	SquadusAuth: auth.operations,
	SquadusAutoupdate: autoupdate.operations,
	SquadusChangelog: changelog.operations,
	SquadusChannel: channel.operations,
	SquadusChat: chat.operations,
	SquadusConference: conference.operations,
	SquadusDirectMessage: directMessage.operations,
	SquadusMeetingRecord: meetingRecord.operations,
	SquadusUser: user.operations,
};

/** Where a description holds an option of this name: top level or inside a collection. */
function pathOf(description: INodeProperties[], name: string): string | undefined {
	for (const property of description) {
		if (property.name === name) return name;
		if (
			property.type === 'collection' &&
			property.options?.some((option) => 'name' in option && option.name === name)
		) {
			return `${property.name}.${name}`;
		}
	}
	return undefined;
}

const nodeDescriptions: Record<string, INodeTypeDescription> = {
	SquadusAuth: new SquadusAuth().description,
	SquadusAutoupdate: new SquadusAutoupdate().description,
	SquadusChangelog: new SquadusChangelog().description,
	SquadusChannel: new SquadusChannel().description,
	SquadusChat: new SquadusChat().description,
	SquadusConference: new SquadusConference().description,
	SquadusDirectMessage: new SquadusDirectMessage().description,
	SquadusMeetingRecord: new SquadusMeetingRecord().description,
	SquadusUser: new SquadusUser().description,
};

const cases = Object.entries(nodes).flatMap(([node, operations]) =>
	Object.entries(operations).map(
		([operation, module]) => [`${node} ${operation}`, module] as const,
	),
);

const simplifyCases = Object.entries(nodes).flatMap(([node, operations]) =>
	Object.entries(operations).map(
		([operation, module]) => [`${node} ${operation}`, node, operation, module] as const,
	),
);

/** Whether n8n shows the operation's Simplify field on a node of this version. */
function showsSimplify(
	node: string,
	operation: string,
	module: OperationModule,
	typeVersion: number,
) {
	const field = module.description.find((property) => property.name === 'simplify');
	if (!field) return false;
	return NodeHelpers.displayParameter(
		{ operation },
		field,
		{ typeVersion },
		nodeDescriptions[node],
	);
}

describe('operation contracts: what the router and transport read is declared, and matches the description', () => {
	it('covers all 57 operations', () => {
		expect(cases).toHaveLength(57);
	});

	it.each(cases)(
		'%s declares its Batching and Timeout options exactly where its description has them',
		(_, module) => {
			expect({ batching: module.batching, timeout: module.timeout }).toEqual({
				batching: pathOf(module.description, 'batching'),
				timeout: pathOf(module.description, 'timeout'),
			});
		},
	);

	it.each(simplifyCases)(
		'%s declares a simplifier exactly when its description shows Simplify, and only from version 2 on',
		(_, node, operation, module) => {
			const declared = module.simplify !== undefined;
			expect(showsSimplify(node, operation, module, 1)).toBe(false);
			expect(showsSimplify(node, operation, module, 2)).toBe(declared);
			if (declared) {
				expect(nodeDescriptions[node].version).toEqual([1, 2]);
				const field = module.description.find((property) => property.name === 'simplify');
				const { displayOptions: _shown, ...asDeclared } = field!;
				const { displayOptions: _own, ...shared } = simplifyField();
				expect(asDeclared).toEqual(shared);
			}
		},
	);

	it('gives Simplify to the operations that return messages, rooms, users and conferences', () => {
		const simplified = simplifyCases
			.filter(([, , , module]) => module.simplify !== undefined)
			.map(([name]) => name);
		expect(simplified).toEqual([
			'SquadusChannel create',
			'SquadusChannel get',
			'SquadusChannel getAll',
			'SquadusChannel getMembers',
			'SquadusChannel getMessages',
			'SquadusChannel addAllUsers',
			'SquadusChannel kickUser',
			'SquadusChat send',
			'SquadusChat get',
			'SquadusChat pin',
			'SquadusConference create',
			'SquadusConference createChat',
			'SquadusConference get',
			'SquadusConference getChat',
			'SquadusConference getFull',
			'SquadusConference getManyForUser',
			'SquadusConference getManyInMyRooms',
			'SquadusConference getManyInRoom',
			'SquadusConference update',
			'SquadusDirectMessage create',
			'SquadusUser create',
			'SquadusUser get',
		]);
	});
});
