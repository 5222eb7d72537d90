package dev.machinemarkets.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema in src/main/avro must read what each of its earlier published versions wrote
 * (backward compatibility), so a consumer upgraded to this artifact still reads old records.
 * Earlier versions live in src/test/resources/compat/NAME/vN.avsc; to publish a change, copy
 * the schema as it was released into the next vN file (see schemas/README.md).
 */
class SchemaCompatibilityTest {

    private static final Path SOURCES = Path.of("src/main/avro");
    private static final Path HISTORY = Path.of("src/test/resources/compat");

    static Stream<String> schemaNames() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".avsc"))
                    .map(n -> n.substring(0, n.length() - ".avsc".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("schemaNames")
    void currentSchemaReadsEveryEarlierVersion(String name) throws Exception {
        Schema current = currentSchema(name);
        Path history = HISTORY.resolve(name);
        assertThat(history).as("no published version of %s in %s", name, history).isDirectory();
        List<Path> versions;
        try (Stream<Path> files = Files.list(history)) {
            versions = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
        assertThat(versions).as("published versions of %s", name).isNotEmpty();
        for (Path version : versions) {
            Schema earlier = new Schema.Parser().parse(version.toFile());
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, earlier);
            assertThat(result.getType())
                    .as("%s cannot read %s: %s", name, version, result.getResult().getIncompatibilities())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    static Schema currentSchema(String name) throws Exception {
        for (String pkg : List.of("dev.machinemarkets.schemas.events.", "dev.machinemarkets.schemas.state.", "dev.machinemarkets.schemas.stages.")) {
            try {
                Class<?> type = Class.forName(pkg + name);
                return (Schema) type.getMethod("getClassSchema").invoke(null);
            } catch (ClassNotFoundException ignored) {
                // try the next package
            }
        }
        throw new IllegalStateException("no generated class for schema " + name);
    }
}
