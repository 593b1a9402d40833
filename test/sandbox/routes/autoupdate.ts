/**
 * Autoupdate settings (manual 3.2): a multipart upload of a settings file.
 */
import type { ApiContext, Route } from '../core';
import { invalidParams, missingParam } from '../errors';
import { randomId } from '../util';
import { requireAdmin } from './common';

function configure(ctx: ApiContext): unknown {
	requireAdmin(ctx);
	const contentType = ctx.headers['content-type'] ?? '';
	if (!/^multipart\/form-data/i.test(contentType)) {
		throw invalidParams('The request must be multipart/form-data with a "file" field');
	}
	const file = ctx.files.find((f) => f.field === 'file');
	if (!file) throw missingParam('file');
	if (file.data.length === 0) throw invalidParams("'file' must not be empty");
	let settings: unknown;
	try {
		settings = JSON.parse(file.data.toString('utf8'));
	} catch {
		settings = undefined;
	}
	const { state } = ctx.core;
	const record = {
		_id: randomId(),
		filename: file.filename,
		mimeType: file.mimeType,
		size: file.data.length,
		data: file.data,
		settings,
		uploadedBy: ctx.user._id,
		uploadedAt: Date.now(),
	};
	state.autoupdate.current = record;
	state.autoupdate.history.push(record);
	state.logChange(ctx.user.username, 'Autoupdates', file.filename);
	return { success: true };
}

export const autoupdateRoutes: Route[] = [
	{ method: 'POST', path: 'autoupdates', handler: configure },
];
