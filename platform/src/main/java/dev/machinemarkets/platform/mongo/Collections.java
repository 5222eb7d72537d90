package dev.machinemarkets.platform.mongo;

/** Names of the MongoDB collections. Views are rebuilt from Kafka; the others are not views (see README). */
public final class Collections {

    /** View: machines. */
    public static final String MACHINES = "machines";
    /** View: runtime endpoints, keyed machineId:providerKey. */
    public static final String RUNTIME_ENDPOINTS = "runtime_endpoints";
    /** View: machine-side runtime agents. */
    public static final String MACHINE_AGENTS = "machine_agents";
    /** The audit log, written only by the audit sink. */
    public static final String AUDIT_EVENTS = "audit_events";
    /** Not a view: which machine holds an identityRef (a unique key that Kafka cannot enforce). */
    public static final String IDENTITY_CLAIMS = "machine_identity_claims";
    /** Not a view: the hash of each agent token; secrets never enter an event. */
    public static final String AGENT_CREDENTIALS = "machine_agent_credentials";
    /** Not a view: runtime endpoint auth tokens, encrypted. */
    public static final String ENDPOINT_SECRETS = "runtime_endpoint_secrets";
    /** View: policies. */
    public static final String POLICIES = "policies";
    /** View: nodes of the machines' graphs. */
    public static final String GRAPH_NODES = "graph_nodes";
    /** View: edges of the machines' graphs. */
    public static final String GRAPH_EDGES = "graph_edges";

    /** View: the skill registry, keyed by skill key. */
    public static final String SKILLS = "skills";
    /** View: the service catalogue. */
    public static final String SERVICES = "services";
    /** Not a view: which version of the shipped catalogue file has been loaded. */
    public static final String CATALOGUE_META = "catalogue_meta";

    /** View: tasks. */
    public static final String TASKS = "tasks";
    /** View: the latest discovery of each task, keyed by taskId. */
    public static final String TASK_DISCOVERIES = "task_discoveries";

    /** View: routes chosen for tasks. */
    public static final String ROUTES = "routes";

    /** View: outcomes of executions. */
    public static final String OUTCOMES = "outcomes";
    /** View: runs of executions. */
    public static final String RUNS = "runs";
    /** Not a view: the first answer of each execution, by Idempotency-Key. */
    public static final String EXECUTIONS = "executions";

    private Collections() {
    }
}
