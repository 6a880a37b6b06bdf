/** A small JSON client for the CMS under test. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

/** Strapi's error body. */
export interface StrapiErrorBody {
  error?: {
    status: number;
    name: string;
    message: string;
    details?: { errors?: { path: string[]; message: string }[] };
  };
}

/** Sends a request and parses the JSON answer (null when there is none). */
export async function request<T = unknown>(
  baseUrl: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown } = {},
): Promise<ApiResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Logs in to the admin API the way the admin panel does and returns the access token. */
export async function adminLogin(
  baseUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const { status, body } = await request<{ data: { token: string } }>(baseUrl, '/admin/login', {
    method: 'POST',
    body: { email, password },
  });
  if (status !== 200) throw new Error(`Admin login failed with ${status}`);
  return body.data.token;
}
