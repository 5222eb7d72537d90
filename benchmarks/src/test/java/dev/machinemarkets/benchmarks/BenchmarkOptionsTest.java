package dev.machinemarkets.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void withoutAStackNamedTheEmbeddedOneIsStartedAsTheReadmeStartsIt() {
        BenchmarkOptions options = BenchmarkOptions.parse("--repeats", "5", "--only", "H,T");

        assertThat(options.target()).isNull();
        assertThat(options.stackJvmOptions()).containsExactly("-Xmx640m");
        assertThat(options.repeats()).isEqualTo(5);
        assertThat(options.runs("H")).isTrue();
        assertThat(options.runs("A")).isFalse();
    }

    @Test
    void aRunningStackIsMeasuredWhereItIsWithTheDefaultsOfTheEmbeddedOne() {
        BenchmarkOptions.Target target = BenchmarkOptions.parse("--gateway", "http://gateway:8080/", "--kafka", "kafka:9092",
                "--mongo", "mongodb://mongo:27017/?replicaSet=rs0").target();

        assertThat(target.gateway()).isEqualTo("http://gateway:8080");
        assertThat(target.database()).isEqualTo("machine_markets");
        assertThat(target.runtimeHost()).isEqualTo("127.0.0.1");
        assertThat(target.apiKey()).isNull();
        assertThat(target.stackPid()).isNull();
        assertThat(target.stack().meter().measured()).isFalse();
    }

    @Test
    void theResultsFileNamesTheStackButNeverItsApiKey() {
        BenchmarkOptions.Target target = BenchmarkOptions.parse("--gateway", "http://127.0.0.1:8080", "--kafka", "127.0.0.1:9092",
                "--mongo", "mongodb://127.0.0.1:27017", "--api-key", "s3cret", "--stack-pid", "4242", "--runtime-host", "10.0.0.5").target();

        assertThat(target.describe().toJson()).doesNotContain("s3cret").contains("\"apiKey\": true");
        assertThat(target.stackPid()).isEqualTo(4242L);
        assertThat(target.runtimeHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void badOptionsSayWhatTheyTake() {
        for (List<String> args : List.of(List.of("--gateway", "http://127.0.0.1:8080"), List.of("--only", "W"),
                List.of("--repeats", "many"), List.of("--repeats", "0"),
                List.of("--gateway", "http://g", "--kafka", "k:9092", "--mongo", "mongodb://m", "--stack-pid", "gateway"),
                List.of("--gateway", "http://g", "--kafka", "k:9092", "--mongo", "mongodb://m", "--stack-jvm", "-Xmx1g"))) {
            assertThatThrownBy(() -> BenchmarkOptions.parse(args.toArray(String[]::new)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching("(a running stack needs all three.*|--only takes.*|--repeats takes.*|--stack-pid takes.*"
                            + "|--stack-jvm says how to start the embedded stack.*)");
        }
    }
}
