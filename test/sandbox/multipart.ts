/**
 * A small multipart/form-data parser (RFC 7578) for in-memory bodies.
 */
export interface MultipartFile {
	field: string;
	filename: string;
	mimeType: string;
	data: Buffer;
}

export interface MultipartBody {
	fields: Record<string, string>;
	files: MultipartFile[];
}

export class MultipartError extends Error {}

export function boundaryOf(contentType: string): string {
	const match = /boundary=(?:"([^"]+)"|([^;,\s]+))/i.exec(contentType);
	const boundary = match?.[1] ?? match?.[2];
	if (!boundary || boundary.length > 200) throw new MultipartError('Missing multipart boundary');
	return boundary;
}

function dispositionParam(header: string, name: string): string | undefined {
	const extended = new RegExp(`(?:^|;)\\s*${name}\\*\\s*=\\s*([^']*)'[^']*'([^;]*)`, 'i').exec(
		header,
	);
	if (extended) {
		try {
			return decodeURIComponent(extended[2].trim());
		} catch {
			return extended[2].trim();
		}
	}
	const quoted = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
	if (quoted) return quoted[1].replace(/\\(.)/g, '$1');
	const bare = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*([^;\\s]+)`, 'i').exec(header);
	return bare?.[1];
}

export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
	const boundary = boundaryOf(contentType);
	const delimiter = Buffer.from(`--${boundary}`);
	const result: MultipartBody = { fields: {}, files: [] };

	let position = body.indexOf(delimiter);
	if (position < 0) throw new MultipartError('Multipart body has no boundary delimiter');
	let closed = false;
	while (position >= 0) {
		let start = position + delimiter.length;
		if (body[start] === 0x2d && body[start + 1] === 0x2d) {
			closed = true;
			break;
		}
		if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
		const next = body.indexOf(delimiter, start);
		if (next < 0) break;
		// the part ends with CRLF before the next delimiter
		let end = next;
		if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
		const part = body.subarray(start, end);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd < 0) throw new MultipartError('Multipart part without headers');
		const headers: Record<string, string> = {};
		for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0)
				headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const data = part.subarray(headerEnd + 4);
		const disposition = headers['content-disposition'];
		if (!disposition || !/^form-data/i.test(disposition)) {
			throw new MultipartError('Multipart part without Content-Disposition: form-data');
		}
		const field = dispositionParam(disposition, 'name') ?? '';
		const filename = dispositionParam(disposition, 'filename');
		if (filename !== undefined) {
			result.files.push({
				field,
				filename,
				mimeType: headers['content-type'] || 'application/octet-stream',
				data: Buffer.from(data),
			});
		} else {
			result.fields[field] = data.toString('utf8');
		}
		position = next;
	}
	if (!closed) throw new MultipartError('Multipart body is not terminated');
	return result;
}
