import { toCodeKey } from '../../domain/code-system';
import { BadUserInputError } from '../../errors/app-error';

/** Node types that can be refetched by id (Relay global object identification). */
export type NodeType =
  | 'Code'
  | 'Risk'
  | 'BodyRegion'
  | 'PersonnelRole'
  | 'Setting'
  | 'Indication'
  | 'Policy'
  // Not refetchable through `node` (they are not Node types), but named in subgraphs.
  | 'Alternative'
  | 'Equipment'
  | 'BodySystem';

const NODE_TYPES: readonly NodeType[] = ['Code', 'Risk', 'BodyRegion', 'PersonnelRole', 'Setting', 'Indication', 'Policy', 'Alternative', 'Equipment', 'BodySystem'];

/**
 * Opaque global id: base64url of "<Type>:<key>". For codes the key is
 * "<SYSTEM>:<codeKey>" (e.g. Code:ICD10CM:M62830), for the rest the node's key.
 */
export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Decodes a global id. Throws BAD_USER_INPUT (argument "id") when it is not one of ours. */
export function fromGlobalId(id: string): { type: NodeType; key: string } {
  const raw = /^[A-Za-z0-9_-]{1,400}={0,2}$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const i = raw.indexOf(':');
  const type = raw.slice(0, i) as NodeType;
  const key = raw.slice(i + 1);
  if (i <= 0 || !NODE_TYPES.includes(type) || key.length === 0) {
    throw new BadUserInputError(`"${id.slice(0, 60)}" is not an id this API gave out`, 'id');
  }
  // A code id built by hand ("Code:ICD10CM:m62.830") names the same code as ours ("Code:ICD10CM:M62830").
  if (type === 'Code') {
    const { system, codeKey } = splitCodeRef(key);
    return { type, key: codeRef(system.toUpperCase(), toCodeKey(codeKey)) };
  }
  return { type, key };
}

/** The key of a code inside ids and loaders: "<SYSTEM>:<codeKey>". */
export function codeRef(system: string, codeKey: string): string {
  return `${system}:${codeKey}`;
}

export function splitCodeRef(ref: string): { system: string; codeKey: string } {
  const i = ref.indexOf(':');
  return { system: ref.slice(0, i), codeKey: ref.slice(i + 1) };
}
