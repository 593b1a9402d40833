// Jest setup: n8n-core must not touch ~/.n8n, so every test process gets its own user folder.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'squadus-n8n-'));
process.env.N8N_ENCRYPTION_KEY ??= 'squadus-test-encryption-key';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL ??= 'silent';
