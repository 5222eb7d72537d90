package dev.machinemarkets.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.machinemarkets.localstack.h2.SortedKeyH2Backend;

/**
 * A MongoDB-wire-compatible store (mongo-java-server). With a data file it keeps its data in H2
 * across restarts; without one it lives in memory.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final Path dataFile;
    private final int port;
    private MongoBackend backend;
    private MongoServer server;

    EmbeddedMongo(Path dataFile, int port) {
        this.dataFile = dataFile;
        this.port = port;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    synchronized void start() {
        if (backend == null) {
            backend = dataFile == null ? new MemoryBackend() : new SortedKeyH2Backend(prepared(dataFile).toString());
        }
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Path prepared(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
