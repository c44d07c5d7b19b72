// A real OpenID Connect provider (node-oidc-provider, OpenID Certified) on loopback for the tests,
// configured like ID-porten (persons: pid, acr idporten-loa-*) or like a staff provider (HelseID,
// Entra ID: amr). Started by tests/oidc/fixtures.py:  node provider.mjs <config.json>
// Its sign-in page stands in for the real one's: whoever fills it in is signed in as that subject,
// with the level (acr) and methods (amr) chosen there, so the tests can also ask for the wrong ones.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Provider } from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const accounts = new Map(); // subject -> the claims typed on the sign-in page

const provider = new Provider(config.issuer, {
  clients: config.clients,
  jwks: { keys: [config.signing_key] },
  cookies: { keys: ['medvandrer-test-only-cookie-key'] },
  acrValues: config.acr_values,
  claims: config.claims,
  conformIdTokenClaims: false, // the claims of the scopes go in the ID token, as ID-porten's pid does
  clockTolerance: config.clock_tolerance ?? 5,
  ttl: { IdToken: config.id_token_ttl ?? 3600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const claims = accounts.get(sub) ?? {};
    return { accountId: sub, claims: async () => ({ sub, ...claims }) };
  },
});
provider.proxy = false;

const escape = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signInPage(uid, params) {
  const levels = (config.acr_values ?? []).map(
    (v) => `<option value="${escape(v)}"${v === params.acr_values ? ' selected' : ''}>${escape(v)}</option>`,
  );
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Testinnlogging</title></head><body>
<main><h1>Testinnlogging (${escape(config.name)})</h1>
<form method="post" action="/interaction/${escape(uid)}">
<label>Subjekt <input name="sub" value="${escape(config.default_sub ?? '')}" required></label>
<label>Fødselsnummer <input name="pid" value=""></label>
<label>Navn <input name="name" value=""></label>
<label>Nivå <select name="acr"><option value="">(ingen)</option>${levels.join('')}</select></label>
<label>Metoder <input name="amr" value="${escape(config.default_amr ?? '')}"></label>
<button type="submit">Logg inn</button></form></main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

const callback = provider.callback();
createServer(async (req, res) => {
  if (config.broken_jwks && req.url === '/jwks') {
    // A provider whose published signing keys are not keys at all.
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ keys: [{ kty: 'RSA', kid: config.signing_key.kid, n: '!!!', e: 'AQAB' }] }));
  }
  const match = req.url.match(/^\/interaction\/([\w-]+)$/);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(signInPage(details.uid, details.params));
    }
    const form = await readForm(req);
    const claims = {};
    if (form.pid) claims.pid = form.pid;
    if (form.name) claims.name = form.name;
    if (form.oid) claims.oid = form.oid;
    accounts.set(form.sub, claims);
    const grant = new provider.Grant({ accountId: form.sub, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    grant.addOIDCClaims([...Object.keys(claims), 'acr', 'amr', 'auth_time']);
    const grantId = await grant.save();
    const login = { accountId: form.sub, remember: false };
    if (form.acr) login.acr = form.acr;
    if (form.amr) login.amr = form.amr.split(',').map((s) => s.trim()).filter(Boolean);
    return await provider.interactionFinished(req, res, { login, consent: { grantId } }, { mergeWithLastSubmission: false });
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    return res.end(`interaction failed: ${error.message}`);
  }
}).listen(config.port, '127.0.0.1', () => console.log(`ready ${config.issuer}`));
