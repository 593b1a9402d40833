import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { squadusApiRequest } from '../../shared/transport';
import { updateDisplayOptions } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field containing the settings file',
		description: 'The binary field of the input item that holds the autoupdate settings file',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['configure'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /autoupdates (docs/api-map.md)
	const field = String(this.getNodeParameter('binaryPropertyName', i)).trim();
	const available = Object.keys(this.getInputData()[i]?.binary ?? {});
	if (!available.includes(field)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Input Binary Field" names "${field}", which the input item does not have`,
			{
				itemIndex: i,
				description: available.length
					? `The item's binary fields are: ${available.join(', ')}. Enter one of them.`
					: 'The item has no binary data. Read the settings file first, e.g. with a "Read/Write Files from Disk" node.',
			},
		);
	}
	const binary = this.helpers.assertBinaryData(i, field);
	const buffer = await this.helpers.getBinaryDataBuffer(i, field);
	const fileName = binary.fileName ?? 'autoupdates';
	const mimeType = binary.mimeType || 'application/octet-stream';

	const form = new FormData();
	form.append('file', new Blob([new Uint8Array(buffer)], { type: mimeType }), fileName);
	await squadusApiRequest.call(this, 'POST', '/autoupdates', { body: form, itemIndex: i });
	return { success: true, fileName, mimeType, fileSize: buffer.length };
}
