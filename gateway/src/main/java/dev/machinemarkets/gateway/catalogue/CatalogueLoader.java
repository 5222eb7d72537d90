package dev.machinemarkets.gateway.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import dev.machinemarkets.platform.mongo.Collections;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the shipped catalogue (classpath catalogue/catalogue.json, or the file in MMO_CATALOGUE_FILE)
 * when its version is newer than the one loaded before. Changes made at run time (PUT, DELETE
 * /services) therefore survive restarts until a newer catalogue version is shipped.
 */
@Component
class CatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);
    private static final String META_ID = "shipped-catalogue";

    private final CatalogueService catalogue;
    private final ObjectMapper json;
    private final Environment environment;
    private final MongoCollection<Document> meta;

    CatalogueLoader(CatalogueService catalogue, ObjectMapper json, Environment environment, MongoDatabase database) {
        this.catalogue = catalogue;
        this.json = json;
        this.environment = environment;
        this.meta = database.getCollection(Collections.CATALOGUE_META);
    }

    @Override
    public void run(ApplicationArguments args) {
        CatalogueRequests.CatalogueFile file = read();
        Document loaded = meta.find(Filters.eq("_id", META_ID)).first();
        int loadedVersion = loaded == null ? 0 : loaded.getInteger("version", 0);
        if (loadedVersion >= file.version()) {
            return;
        }
        catalogue.load(file);
        meta.replaceOne(Filters.eq("_id", META_ID), new Document("_id", META_ID).append("version", file.version())
                .append("loadedAt", new Date()), new ReplaceOptions().upsert(true));
        log.info("loaded catalogue version {}: {} skills, {} services", file.version(), file.skills().size(), file.services().size());
    }

    private CatalogueRequests.CatalogueFile read() {
        String path = environment.getProperty("MMO_CATALOGUE_FILE");
        try (InputStream in = path == null || path.isBlank()
                ? CatalogueLoader.class.getResourceAsStream("/catalogue/catalogue.json")
                : Files.newInputStream(Path.of(path))) {
            return json.readValue(in, CatalogueRequests.CatalogueFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue file", e);
        }
    }
}
