import {
	simplifyConference,
	simplifyMessage,
	simplifyRoom,
	simplifyUser,
} from '../../nodes/shared/helpers/simplify';
import { expectDrawnFrom } from '../nodes/simplify';

describe('simplifiers: what each kind keeps', () => {
	it('returns an operation’s own confirmation (no _id or id) as it is', () => {
		const confirmation = { success: true, roomId: 'GENERAL' };
		for (const simplify of [simplifyMessage, simplifyRoom, simplifyUser, simplifyConference]) {
			expect(simplify(confirmation)).toBe(confirmation);
		}
	});

	it('leaves out the fields the raw object lacks instead of adding empty ones', () => {
		expect(simplifyMessage({ _id: 'm1', msg: 'hi' })).toEqual({ _id: 'm1', msg: 'hi' });
		expect(simplifyUser({ _id: 'u1', emails: [] })).toEqual({ _id: 'u1' });
		expect(simplifyConference({ id: 'c1', participants: [] })).toEqual({
			id: 'c1',
			participants: [],
		});
	});

	it('never shows a user’s password, services or tokens, even when the raw object carries them', () => {
		const raw = {
			_id: 'u1',
			username: 'ivan.petrov',
			emails: [{ address: 'ivan@example.ru', verified: true }],
			password: 'hunter2',
			services: {
				password: { bcrypt: '$2b$10$x' },
				resume: { loginTokens: [{ hashedToken: 't' }] },
			},
			authToken: 'secret-token',
			customFields: { apiKey: 'k' },
		};
		const simplified = simplifyUser(raw);
		expect(simplified).toEqual({ _id: 'u1', username: 'ivan.petrov', email: 'ivan@example.ru' });
		expectDrawnFrom(simplified, raw);
	});

	it('keeps a message’s thread, attachment summaries and file, and only the author’s identity', () => {
		const raw = {
			_id: 'm1',
			rid: 'r1',
			msg: '',
			ts: '2026-01-01T00:00:00.000Z',
			tmid: 't1',
			u: { _id: 'u1', username: 'ivan.petrov', name: 'Ivan', token: 'x' },
			md: [{ type: 'PARAGRAPH' }],
			attachments: [{ title: 'a.pdf', title_link: '/file-upload/f1/a.pdf', type: 'file', size: 3 }],
			file: { _id: 'f1', name: 'a.pdf', type: 'application/pdf', size: 3, format: 'pdf' },
		};
		const simplified = simplifyMessage(raw);
		expect(simplified).toEqual({
			_id: 'm1',
			rid: 'r1',
			msg: '',
			ts: '2026-01-01T00:00:00.000Z',
			tmid: 't1',
			u: { _id: 'u1', username: 'ivan.petrov', name: 'Ivan' },
			attachments: [{ title: 'a.pdf', title_link: '/file-upload/f1/a.pdf' }],
			file: { _id: 'f1', name: 'a.pdf', type: 'application/pdf', size: 3 },
		});
		expectDrawnFrom(simplified, raw);
	});
});
