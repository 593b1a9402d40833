/**
 * File downloads: GET /file-upload/<id>/<name>, authenticated like the API (X-Auth-Token +
 * X-User-Id headers, or Rocket.Chat's rc_uid/rc_token cookies or query parameters).
 */
import type { RequestInfo, SandboxCore } from './core';
import { Reply } from './core';
import { canDownloadConferenceFile } from './routes/conference';
import { resolveAuth } from './routes/auth';

function cookies(header: string | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
	}
	return out;
}

function contentDisposition(name: string, download: boolean): string {
	const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `${download ? 'attachment' : 'inline'}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function serveFile(core: SandboxCore, req: RequestInfo): Reply {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		return new Reply(
			405,
			{ success: false, error: `Method ${req.method} not allowed` },
			{ Allow: 'GET, HEAD' },
		);
	}
	const match = /^\/file-upload\/([^/]+)(?:\/.*)?$/.exec(req.path);
	if (!match) return new Reply(404, { success: false, error: 'File not found' });
	const jar = cookies(req.headers.cookie);
	const auth = resolveAuth(core, {
		'x-auth-token': req.headers['x-auth-token'] ?? jar.rc_token ?? req.query.rc_token ?? '',
		'x-user-id': req.headers['x-user-id'] ?? jar.rc_uid ?? req.query.rc_uid ?? '',
	});
	if (!auth) return new Reply(403, { success: false, error: 'unauthorized' });
	const { state } = core;
	const file = state.files.get(match[1]);
	if (!file) return new Reply(404, { success: false, error: 'File not found' });
	let allowed: boolean;
	if (file.conferenceId) {
		allowed = canDownloadConferenceFile(state, file.conferenceId, auth.user);
	} else {
		const room = state.rooms.get(file.rid);
		allowed = !!room && (state.canAccessRoom(room, auth.user) || state.isAdmin(auth.user));
	}
	if (!allowed) return new Reply(403, { success: false, error: 'unauthorized' });
	const download = req.query.download !== undefined;
	return new Reply(
		200,
		file.data,
		{
			'Content-Type':
				file.type.startsWith('text/') && !/charset/i.test(file.type)
					? `${file.type}; charset=utf-8`
					: file.type,
			'Content-Disposition': contentDisposition(file.name, download),
			'Last-Modified': new Date(file.uploadedAt).toUTCString(),
			'Cache-Control': 'private, max-age=31536000',
			'X-Content-Type-Options': 'nosniff',
		},
		true,
	);
}
