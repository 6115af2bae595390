/**
 * etcd's v3 API through the JSON gateway every etcd ≥ 3.4 serves on its client URL: POST
 * /v3/kv/put, /v3/kv/range (linearizable unless `serializable` is set), /v3/maintenance/status
 * and /v3/cluster/member/{list,add,remove}. Keys and values are base64; 64-bit ids are decimal
 * strings. Checked against etcd 3.4.23 (Debian bookworm's etcd-server). No client library: Node's
 * fetch with a timeout per request.
 */

export type EtcdReply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface EtcdStatus {
  /** The member's own id and its leader's id (0 when it knows none). */
  memberId: string;
  leader: string;
  raftTerm: number;
}

export interface EtcdMemberInfo {
  id: string;
  name: string;
  peerUrls: string[];
}

/** POSTs `body` as JSON to `path` on `clientUrl`; never throws. `cancel` gives up early. */
export async function callEtcd<T>(
  clientUrl: string,
  path: string,
  body: unknown,
  timeoutMs: number,
  cancel?: AbortSignal,
): Promise<EtcdReply<T>> {
  try {
    const res = await fetch(`${clientUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: withTimeout(timeoutMs, cancel),
    });
    const text = await res.text();
    const json = parseJson(text);
    if (!res.ok) {
      const message = typeof json?.['message'] === 'string' ? json['message'] : text.trim();
      return { ok: false, error: message === '' ? `HTTP ${res.status}` : message };
    }
    return { ok: true, value: json as T };
  } catch (e) {
    return { ok: false, error: describeFetchError(e) };
  }
}

/** A linearizable write of `value` at `key`. */
export async function putKey(
  url: string,
  key: string,
  value: string,
  timeoutMs: number,
  cancel?: AbortSignal,
): Promise<EtcdReply<null>> {
  const body = { key: b64(key), value: b64(value) };
  const r = await callEtcd(url, '/v3/kv/put', body, timeoutMs, cancel);
  return r.ok ? { ok: true, value: null } : r;
}

/** A linearizable read of `key`: its value, or null when absent. */
export async function getKey(
  url: string,
  key: string,
  timeoutMs: number,
): Promise<EtcdReply<string | null>> {
  const r = await callEtcd<{ kvs?: { value?: string }[] }>(
    url,
    '/v3/kv/range',
    { key: b64(key) },
    timeoutMs,
  );
  if (!r.ok) return r;
  const value = r.value.kvs?.[0]?.value;
  return { ok: true, value: value === undefined ? null : unb64(value) };
}

/** The keys under `prefix` (a linearizable read). */
export async function listKeys(
  url: string,
  prefix: string,
  timeoutMs: number,
): Promise<EtcdReply<string[]>> {
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const r = await callEtcd<{ kvs?: { key: string }[] }>(
    url,
    '/v3/kv/range',
    { key: b64(prefix), range_end: b64(end), keys_only: true },
    timeoutMs,
  );
  return r.ok ? { ok: true, value: (r.value.kvs ?? []).map((kv) => unb64(kv.key)) } : r;
}

/** The member's leader and raft term. */
export async function readStatus(url: string, timeoutMs: number): Promise<EtcdReply<EtcdStatus>> {
  const r = await callEtcd<{ header?: { member_id?: string }; leader?: string; raftTerm?: string }>(
    url,
    '/v3/maintenance/status',
    {},
    timeoutMs,
  );
  if (!r.ok) return r;
  return {
    ok: true,
    value: {
      memberId: r.value.header?.member_id ?? '0',
      leader: r.value.leader ?? '0',
      raftTerm: Number(r.value.raftTerm ?? 0),
    },
  };
}

/** The cluster's members (ids, names, peer URLs). */
export async function listMembers(
  url: string,
  timeoutMs: number,
): Promise<EtcdReply<EtcdMemberInfo[]>> {
  return membersOf(await callEtcd<MembersReply>(url, '/v3/cluster/member/list', {}, timeoutMs));
}

/** Adds a member by its peer URL; the reply lists every member (the new one without a name). */
export async function addMember(
  url: string,
  peerUrl: string,
  timeoutMs: number,
): Promise<EtcdReply<EtcdMemberInfo[]>> {
  const body = { peerURLs: [peerUrl] };
  return membersOf(await callEtcd<MembersReply>(url, '/v3/cluster/member/add', body, timeoutMs));
}

/** Removes the member with this id (a decimal string). */
export async function removeMember(
  url: string,
  id: string,
  timeoutMs: number,
): Promise<EtcdReply<null>> {
  const r = await callEtcd(url, '/v3/cluster/member/remove', { ID: id }, timeoutMs);
  return r.ok ? { ok: true, value: null } : r;
}

// --- internal ---

interface MembersReply {
  members?: { ID?: string; name?: string; peerURLs?: string[] }[];
}

function membersOf(r: EtcdReply<MembersReply>): EtcdReply<EtcdMemberInfo[]> {
  if (!r.ok) return r;
  const members = (r.value.members ?? []).map((m) => ({
    id: m.ID ?? '0',
    name: m.name ?? '',
    peerUrls: m.peerURLs ?? [],
  }));
  return { ok: true, value: members };
}

function withTimeout(timeoutMs: number, cancel: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(Math.max(1, Math.round(timeoutMs)));
  return cancel === undefined ? timeout : AbortSignal.any([timeout, cancel]);
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

function unb64(s: string): string {
  return Buffer.from(s, 'base64').toString('utf8');
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** fetch's errors in a word: timeout, refused, reset, or the message. */
function describeFetchError(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
    return 'timeout';
  const cause = e instanceof Error ? (e.cause as { code?: string } | undefined) : undefined;
  if (cause?.code === 'ECONNREFUSED') return 'refused';
  if (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET') return 'reset';
  return e instanceof Error ? e.message : String(e);
}
