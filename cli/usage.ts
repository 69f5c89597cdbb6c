// Help text only: main prints it without loading any command, so `--help` stays fast.

const EXIT_CODES = "Exit codes: 0 approved, 1 error, 2 denied, 3 still pending, 4 cancelled or lapsed.";
const DURATIONS = "Durations: 90s, 15m, 2h, 1h30m, 90d, PT1H30M (ISO 8601) or a number of seconds.";

export const MAIN_USAGE = `baton — ask Baton for just-in-time access, and manage it

Usage: baton <command> [options]

Agent commands (authenticate with BATON_API_KEY):
  request         File an access request, and optionally wait for the decision
  status <id>     Show a request, and optionally wait for the decision
  grants          List the agent's grants
  cancel <id>     Cancel a pending request
  credentials <grant>  Print the grant's short-lived database, cache or queue credential
  mcp             Serve the agent's tools to an AI agent host over MCP (stdio)

Admin commands (authenticate with BATON_TOKEN):
  admin scopes    List, create and update the scope catalog
  admin agents    List, register and disable agents
  admin keys      List, issue, rotate and revoke agents' API keys
  admin groups    Create approver groups
  admin users     Create people
  admin signing-keys  List and rotate the keys that sign grant tokens

Configuration as code (authenticate with BATON_TOKEN):
  plan -f FILE    Show what applying a baton.yaml would change (exit 2 when something would)
  apply -f FILE   Make Baton match a baton.yaml
  export          Write Baton's current configuration as baton.yaml

Operator commands:
  pdp             Run a standalone decision point for resource servers (PostgreSQL only)

Environment:
  BATON_URL       Where Baton runs (default http://localhost:3000)
  BATON_API_KEY   The agent's API key, for agent commands
  BATON_ID_TOKEN_FILE  Instead of a key: a file holding the workload identity token of the platform
                  (Kubernetes, GitHub Actions, SPIFFE), exchanged for short-lived access tokens;
                  --id-token-file PATH on any agent command does the same
  BATON_TOKEN     An admin's personal API token, for admin commands

Exit codes: 0 done (a request: approved), 1 error, 2 denied, 3 still pending, 4 cancelled or lapsed.
Run baton <command> --help for its options.`;

export const ADMIN_USAGE = `Usage: baton admin <scopes|agents|keys|groups|users|signing-keys> <action> [options]

  admin scopes    List, create and update the scope catalog
  admin agents    List, register and disable agents
  admin keys      List, issue, rotate and revoke agents' API keys
  admin groups    Create approver groups
  admin users     Create people
  admin signing-keys  List and rotate the keys that sign grant tokens

Admin commands authenticate with BATON_TOKEN (an admin's personal API token).
Run baton admin <resource> --help for its actions and options.`;

export const REQUEST_USAGE = `Usage: baton request --scope KEY [--scope KEY …] --for DURATION --reason TEXT [options]

File an access request as the agent whose key is in BATON_API_KEY.

Options:
  --scope KEY             A scope to ask for, e.g. crm.customers:read (repeat for more)
  --for DURATION          How long the access is needed
  --reason TEXT           Why, in words an approver understands (at least 10 characters)
  --on-behalf-of EMAIL    The person the agent acts for
  --incident ID           Bind the request, and its grant, to an open incident (inc_…)
  --context REF           A ticket or change reference shown to approvers
  --location TYPE:ID      Constrain the grant to this resource, e.g. tenant:acme, or
                          tenant:* for any tenant (repeat for more)
  --action ACTION         Constrain the grant to this action, e.g. read (repeat for more)
  --wait DURATION         Wait up to this long for the decision
  --idempotency-key KEY   Filing again with the same key returns the same request;
                          one is generated when omitted, so retries never file twice
  --json                  Print the final request as JSON on stdout

Without --wait, a request that needs approval is left pending (exit 3): wait for it
with baton status <id> --wait 5m.

${DURATIONS}
${EXIT_CODES}`;

export const STATUS_USAGE = `Usage: baton status <id> [--wait DURATION] [--json]

Show one of the agent's requests.

Options:
  --wait DURATION   Wait up to this long for the request to be decided
  --json            Print the request as JSON on stdout

${DURATIONS}
${EXIT_CODES}`;

export const GRANTS_USAGE = `Usage: baton grants [--status active|expired|revoked|all] [--json]

List the agent's grants: id, scopes, when they expire, and their context.

Options:
  --status STATUS   Which grants (default active)
  --json            Print the grants as JSON on stdout`;

export const CREDENTIALS_USAGE = `Usage: baton credentials <grant> [--provider NAME] [--format url|env|json] [--rotate]

Print the grant's short-lived credential in a credential provider (PostgreSQL, MariaDB, Redis,
RabbitMQ): a principal holding exactly what the grant's scopes give there, removed — sessions cut —
when the grant ends. Asking again prints the same credential.

Options:
  --provider NAME   The credential provider (needed only when the grant's scopes name several)
  --format FORMAT   url (default): a connection URL; env: shell lines (PGHOST…, MYSQL_…, REDIS_URL, AMQP_URL);
                    json: every field
  --rotate          Revoke the current credential and mint a new one

Example:
  psql "$(baton credentials grt_01…)"`;

export const CANCEL_USAGE = `Usage: baton cancel <id> [--reason TEXT] [--json]

Cancel one of the agent's pending requests.

Options:
  --reason TEXT   Why, kept with the request
  --json          Print the cancelled request as JSON on stdout`;

export const MCP_USAGE = `Usage: baton mcp

Serve Baton to an AI agent host as a Model Context Protocol server on stdin/stdout, acting as the
agent whose key is in BATON_API_KEY (calls go to BATON_URL over HTTP). Register it in the host's MCP
configuration, e.g.:

  {"mcpServers": {"baton": {"command": "npx", "args": ["baton", "mcp"],
    "env": {"BATON_URL": "https://baton.example.com", "BATON_API_KEY": "baton_…"}}}}

Tools: list_scopes, request_access, wait_for_decision, get_token, list_my_grants, release_grant.
Resource: baton://grants/active (subscribe to hear when a grant is approved, expires or is revoked).
No tool approves, denies or widens access: people decide in Baton's web app.

stdout carries only the protocol; notes and errors go to stderr.`;

export const ADMIN_SCOPES_USAGE = `Usage:
  baton admin scopes list [--json]
  baton admin scopes create --key KEY --risk RISK --max DURATION [options] [--json]
  baton admin scopes update <key> [options] [--json]

Options for create and update:
  --risk RISK           low, medium, high or critical
  --max DURATION        The longest a grant of this scope may last
  --approvals N         Approvals needed (default 1)
  --group NAME          The approver group that decides requests for this scope
  --auto-approve        Approve requests within --max at once, without approvers
  --description TEXT    What the scope allows, for approvers

Update only:
  --no-group            Remove the approver group
  --no-auto-approve     Require approvers again

${DURATIONS}`;

export const ADMIN_AGENTS_USAGE = `Usage:
  baton admin agents list [--json]
  baton admin agents create --name NAME --owner EMAIL [--scope KEY …] [--description TEXT] [--json]
  baton admin agents disable <agentId> [--reason TEXT] [--json]

Options:
  --name NAME           2–63 characters of a–z, 0–9, '.', '_' or '-'
  --owner EMAIL         The person accountable for the agent
  --scope KEY           A scope the agent may ask for (repeat for more)
  --description TEXT    What the agent does
  --reason TEXT         Why it is disabled, kept in the audit log

Disabling revokes the agent's keys, cancels its pending requests and revokes its active grants.`;

export const ADMIN_KEYS_USAGE = `Usage:
  baton admin keys list <agentId> [--json]
  baton admin keys create <agentId> [--expires DURATION] [--json]
  baton admin keys rotate <agentId> <keyId> [--overlap DURATION] [--expires DURATION] [--json]
  baton admin keys revoke <agentId> <keyId> [--json]

Options:
  --expires DURATION   The new key's lifetime (keys do not expire by default)
  --overlap DURATION   How long the old key keeps working after a rotation (default 1h)

A new key is printed once: store it then, it is not shown again.

${DURATIONS}`;

export const ADMIN_GROUPS_USAGE = `Usage: baton admin groups create --name NAME [--member EMAIL …] [--description TEXT] [--json]

Options:
  --name NAME           2–63 characters of a–z, 0–9, '.', '_' or '-'
  --member EMAIL        A person in the group (repeat for more)
  --description TEXT    What the group decides`;

export const ADMIN_USERS_USAGE = `Usage: baton admin users create --email EMAIL --name NAME --role ROLE [--password-stdin] [--json]

Options:
  --role ROLE          admin, approver, commander or viewer
  --password-stdin     Read the password from stdin (at least 12 characters);
                       without it the answer carries a one-time invitation link

Example: printf '%s' "$PASSWORD" | baton admin users create --email ana@example.com --name Ana --role approver --password-stdin`;

export const ADMIN_SIGNING_KEYS_USAGE = `Usage:
  baton admin signing-keys list [--json]
  baton admin signing-keys rotate [--overlap DURATION] [--json]

The signing key signs the short-lived grant tokens that resource servers verify with
Baton's JWKS (/.well-known/jwks.json). Rotating creates a new key at once; the retired one
stays published for the overlap, so tokens it signed keep verifying until they expire.

Options:
  --overlap DURATION   How long the retired key stays published (default 1h, at least 5m)

${DURATIONS}`;

export const PDP_USAGE = `Usage: baton pdp [--port N] [--host ADDRESS] [--token-cache on|off] [--max-staleness DURATION]

Serve POST /api/v1/decisions and POST /api/v1/introspect — the same requests, answers and rules as
Baton's own — from a small Node process next to your resource servers, plus GET /healthz. Callers
authenticate with their resource-server secret. The process keeps its own grant index, updated through
PostgreSQL LISTEN/NOTIFY, and denies everything while it has not heard from the database within the
staleness bound (/healthz then answers 503).

Options:
  --port N                  Port to listen on (default 7070)
  --host ADDRESS            Address to listen on (default 127.0.0.1)
  --token-cache on|off      Remember verified token signatures until the token expires (default on);
                            the grant's state is consulted on every call either way
  --max-staleness DURATION  Deny once the database has been silent this long (default 2s; 500ms works)

Environment:
  DATABASE_URL      Baton's PostgreSQL database (the embedded database has only the in-app endpoints)
  BATON_PUBLIC_URL  Baton's public URL: the issuer of the grant tokens to accept`;

const CONFIG_FILE = `The file (apiVersion: baton/v1) lists groups, resourceServers, scopes, agents, schedules and
a policy section, each object keyed by its name (a scope by its key). Omitted fields take their
defaults. Objects Baton has and the file does not name are left alone unless --prune is given:
then agents are disabled, resource servers revoked and schedules deleted (scopes and approver
groups cannot be deleted through the API and are only reported). Secrets never appear in the file.`;

export const PLAN_USAGE = `Usage: baton plan -f FILE [--prune] [--json]

Compare a configuration file with what Baton holds and show the changes apply would make:
+ create, ~ update (field: before → after), - remove (--prune only), ? policy proposal.

${CONFIG_FILE}

Options:
  -f, --file FILE   The configuration file (baton.yaml)
  --prune           Also plan removing what the file does not name
  --json            Print the plan as JSON

Exit codes: 0 no changes, 1 error (including an invalid file), 2 changes to apply.`;

export const APPLY_USAGE = `Usage: baton apply -f FILE [--prune] [--json]

Make Baton match a configuration file: computes the plan as baton plan does, then applies it in
dependency order (groups, resource servers, scopes, agents and their eligibility, schedules, the
policy proposal), stopping at the first change Baton refuses. Applying the same file again changes
nothing. A policy section never takes effect directly: apply files a proposal (unless the set is
already active or proposed) and a second admin approves it. The caller secret of each new resource
server and the first API key of each new agent are printed once: store them now.

${CONFIG_FILE}

Options:
  -f, --file FILE   The configuration file (baton.yaml)
  --prune           Also remove what the file does not name
  --json            Print the plan, the applied changes and the new secrets as JSON

Exit codes: 0 applied (or nothing to do), 1 error.`;

export const EXPORT_USAGE = `Usage: baton export [-o FILE]

Write Baton's current configuration in the format baton plan and baton apply read: applying the
export changes nothing. Disabled agents and revoked resource servers are left out; secrets are
never included.

Options:
  -o, --output FILE   Write to FILE instead of stdout`;
