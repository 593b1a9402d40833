import type { INodeProperties } from 'n8n-workflow';

import * as auth from '../../nodes/SquadusAuth/actions';
import * as autoupdate from '../../nodes/SquadusAutoupdate/actions';
import * as changelog from '../../nodes/SquadusChangelog/actions';
import * as channel from '../../nodes/SquadusChannel/actions';
import * as chat from '../../nodes/SquadusChat/actions';
import * as conference from '../../nodes/SquadusConference/actions';
import * as directMessage from '../../nodes/SquadusDirectMessage/actions';
import * as meetingRecord from '../../nodes/SquadusMeetingRecord/actions';
import * as user from '../../nodes/SquadusUser/actions';
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

const cases = Object.entries(nodes).flatMap(([node, operations]) =>
	Object.entries(operations).map(
		([operation, module]) => [`${node} ${operation}`, module] as const,
	),
);

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
});
