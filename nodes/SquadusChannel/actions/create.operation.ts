import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { splitNames } from '../../shared/helpers/names';
import { squadusApiRequest } from '../../shared/transport';
import { manualThenRocketChat } from '../../shared/helpers/compat';
import { compact } from '../helpers/output';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. project-alpha',
		description: 'The name of the new channel, without spaces or #',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Members',
				name: 'members',
				type: 'string',
				default: '',
				placeholder: 'e.g. ivan.petrov, anna.smirnova',
				description:
					'Usernames to add to the channel, separated by commas (or a list from an expression). You are always a member.',
			},
			{
				displayName: 'Owner User ID',
				name: 'userId',
				type: 'string',
				default: '',
				placeholder: 'e.g. BsNr28znDkG8aeo7W',
				description: "The ID of the user the channel is created for (the API's userId)",
			},
			{
				displayName: 'Read Only',
				name: 'readOnly',
				type: 'boolean',
				default: false,
				description: 'Whether only owners and moderators can post in the channel',
			},
			{
				displayName: 'Teams',
				name: 'teams',
				type: 'string',
				default: '',
				placeholder: 'e.g. marketing, sales',
				description:
					'Teams whose members join the channel, separated by commas (or a list from an expression)',
			},
		],
	},
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /channels.create (docs/api-map.md)
	const name = String(this.getNodeParameter('name', i)).trim().replace(/^#/, '');
	if (/[\s#]/.test(name)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Name" cannot contain spaces or #: "${name}"`,
			{
				itemIndex: i,
				description: 'Use letters, digits, dots, dashes or underscores, e.g. project-alpha',
			},
		);
	}
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const members = splitNames(fields.members, '@');
	const invalid = members.find((member) => /\s/.test(member));
	if (invalid !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Members" contains "${invalid}", which is not a username`,
			{
				itemIndex: i,
				description: 'Enter usernames such as ivan.petrov, separated by commas',
			},
		);
	}
	const body = compact({
		name,
		members,
		teams: splitNames(fields.teams),
		userId: typeof fields.userId === 'string' ? fields.userId.trim() : undefined,
		readOnly: fields.readOnly as boolean | undefined,
	});
	const send = async (form: IDataObject) =>
		(await squadusApiRequest.call(this, 'POST', '/channels.create', {
			body: form,
			itemIndex: i,
		})) as IDataObject;
	// The manual lists `userId`; Rocket.Chat 8.x refuses it as an additional property: then the
	// channel is created without it (for the credential's user).
	const { userId, ...withoutUserId } = body;
	const response =
		userId === undefined
			? await send(body)
			: await manualThenRocketChat(
					async () => await send(body),
					async () => await send(withoutUserId),
				);
	return response.channel as IDataObject;
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
