package dev.machinemarkets.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * The command line of the benchmark. A bad option is an {@link IllegalArgumentException} whose message says
 * what the option takes.
 *
 * <pre>java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar [--repeats 3] [--quick] [--out FILE] [--only K,H,A,T]
 *     [--jar STACK_JAR] [--stack-jvm "JVM OPTIONS"] [--stack-env NAME=VALUE,...]
 *     [--gateway URL --kafka BOOTSTRAP --mongo URI [--database NAME] [--api-key KEY] [--runtime-host HOST] [--stack-pid PID]]</pre>
 */
record BenchmarkOptions(Path stackJar, int repeats, boolean quick, Path out, List<String> stackJvmOptions, Map<String, String> stackEnv,
        List<String> only, Target target) {

    /** The JVM options of the README's run command, so the stack is measured as users start it. */
    static final String README_JVM_OPTIONS = "-Xmx640m";
    private static final List<String> GROUPS = List.of("K", "H", "A", "T");

    /**
     * Where the stack runs when the benchmark does not start it. runtimeHost is the address at which the stack's
     * executor reaches the benchmark's runtime stand-in; stackPid a local process whose CPU and memory to read.
     */
    record Target(String gateway, String kafka, String mongo, String database, String apiKey, String runtimeHost, Long stackPid) {

        static final String DEFAULT_DATABASE = "machine_markets";

        Stack stack() {
            return new Stack.Running(gateway, kafka, mongo, stackPid == null ? ProcessMeter.none() : new ProcessMeter(stackPid));
        }

        /** What the results file says about the stack measured; never the API key. */
        Document describe() {
            return new Document("gateway", gateway).append("kafka", kafka).append("mongo", mongo).append("database", database)
                    .append("apiKey", apiKey != null).append("runtimeHost", runtimeHost).append("stackPid", stackPid);
        }
    }

    /** Whether this figure group runs; --only K,H,A,T narrows a run while a change is being profiled. */
    boolean runs(String group) {
        return only.isEmpty() || only.contains(group);
    }

    Duration seconds(int full) {
        return Duration.ofSeconds(quick ? Math.max(2, full / 3) : full);
    }

    static BenchmarkOptions parse(String... args) {
        List<String> list = Arrays.asList(args);
        Path jar = Path.of(value(list, "--jar", "local-stack/target/local-stack-0.1.0-SNAPSHOT.jar"));
        int repeats = number(value(list, "--repeats", "3"), "--repeats takes a number of runs");
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats takes a number of runs of at least 1, not " + repeats);
        }
        Path out = Path.of(value(list, "--out", "benchmarks/results/latest.json"));
        String jvm = value(list, "--stack-jvm", README_JVM_OPTIONS);
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : value(list, "--stack-env", "").split(",")) {
            if (pair.contains("=")) {
                env.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        List<String> only = Arrays.stream(value(list, "--only", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String group : only) {
            if (!GROUPS.contains(group)) {
                throw new IllegalArgumentException("--only takes figure groups K, H, A and T (W is measured with H, M with A), not " + group);
            }
        }
        return new BenchmarkOptions(jar, repeats, list.contains("--quick"), out,
                jvm.isBlank() ? List.of() : Arrays.asList(jvm.trim().split("\\s+")), env, only, target(list));
    }

    /** The running stack named by --gateway, --kafka and --mongo, or null to start the embedded one. */
    private static Target target(List<String> list) {
        String gateway = value(list, "--gateway", null);
        String kafka = value(list, "--kafka", null);
        String mongo = value(list, "--mongo", null);
        if (gateway == null && kafka == null && mongo == null) {
            return null;
        }
        if (gateway == null || kafka == null || mongo == null) {
            throw new IllegalArgumentException("a running stack needs all three of --gateway URL, --kafka BOOTSTRAP and --mongo URI");
        }
        for (String embeddedOnly : List.of("--jar", "--stack-jvm", "--stack-env")) {
            if (list.contains(embeddedOnly)) {
                throw new IllegalArgumentException(embeddedOnly + " says how to start the embedded stack; it does not apply to a running one");
            }
        }
        String pid = value(list, "--stack-pid", null);
        return new Target(gateway.replaceAll("/+$", ""), kafka, mongo, value(list, "--database", Target.DEFAULT_DATABASE),
                value(list, "--api-key", null), value(list, "--runtime-host", Pipeline.LOOPBACK),
                pid == null ? null : (long) number(pid, "--stack-pid takes the id of a local process"));
    }

    private static int number(String text, String rule) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rule + ", not " + text);
        }
    }

    private static String value(List<String> args, String name, String fallback) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
    }
}
