package dev.machinemarkets.localstack.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

class SortedKeyH2BackendTest {

    @TempDir
    Path folder;

    @Test
    void findsByIdRefusesDuplicatesAndKeepsBothAcrossARestart() {
        String file = folder.resolve("store.mv").toString();
        withCollection(new SortedKeyH2Backend(file), views -> {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                documents.add(new Document("_id", "doc_" + i).append("n", i));
            }
            views.insertMany(documents);
            views.insertOne(new Document("_id", 42).append("n", "number"));
            views.insertOne(new Document("_id", new ObjectId()).append("n", "object id"));
            assertThat(views.find(Filters.eq("_id", "doc_1234")).first().getInteger("n")).isEqualTo(1234);
            assertThat(views.find(Filters.eq("_id", 42L)).first().getString("n")).isEqualTo("number");
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "doc_7")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            views.deleteOne(Filters.eq("_id", "doc_8"));
        });
        withCollection(new SortedKeyH2Backend(file), views -> {
            assertThat(views.countDocuments()).isEqualTo(2_001);
            assertThat(views.find(Filters.eq("_id", "doc_1999")).first().getInteger("n")).isEqualTo(1999);
            assertThat(views.find(Filters.eq("_id", "doc_8")).first()).isNull();
            assertThat(views.find(Filters.in("_id", List.of("doc_1", "doc_2", "doc_8"))).into(new ArrayList<>())).hasSize(2);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "doc_9"))).isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void opensADataFileWrittenByThePlainH2BackendRebuildsItsIndexesAndReadsItsDocuments() {
        String file = folder.resolve("plain.mv").toString();
        withCollection(new H2Backend(file), views -> {
            for (int i = 0; i < 300; i++) {
                views.insertOne(typed("doc_" + i, i));
            }
        });
        withCollection(new SortedKeyH2Backend(file), views -> {
            assertThat(withoutId(views.find(Filters.eq("_id", "doc_123")).first())).isEqualTo(withoutId(typed("doc_123", 123)));
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "doc_5"))).isInstanceOf(MongoWriteException.class);
            views.insertOne(typed("doc_300", 300));
            views.replaceOne(Filters.eq("_id", "doc_7"), typed("doc_7", 7_000));
        });
        withCollection(new SortedKeyH2Backend(file), views -> {
            assertThat(views.countDocuments()).isEqualTo(301);
            assertThat(withoutId(views.find(Filters.eq("_id", "doc_300")).first())).isEqualTo(withoutId(typed("doc_300", 300)));
            assertThat(withoutId(views.find(Filters.eq("_id", "doc_7")).first())).isEqualTo(withoutId(typed("doc_7", 7_000)));
            assertThat(withoutId(views.find(Filters.eq("_id", "doc_8")).first())).isEqualTo(withoutId(typed("doc_8", 8)));
        });
    }

    @Test
    void aDroppedIndexOrCollectionLeavesNothingBehindAcrossARestart() {
        String file = folder.resolve("drop.mv").toString();
        withCollection(new SortedKeyH2Backend(file), views -> {
            views.createIndex(new Document("code", 1), new com.mongodb.client.model.IndexOptions().unique(true).name("by_code"));
            views.insertOne(new Document("_id", "a").append("code", 1));
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "b").append("code", 1))).isInstanceOf(MongoWriteException.class);
            views.dropIndex("by_code");
            views.insertOne(new Document("_id", "b").append("code", 1));
            views.drop();
            views.insertOne(new Document("_id", "a").append("code", 2));
        });
        withCollection(new SortedKeyH2Backend(file), views -> {
            assertThat(views.find().into(new ArrayList<>())).containsExactly(new Document("_id", "a").append("code", 2));
            assertThat(views.listIndexes().into(new ArrayList<>())).extracting(index -> index.getString("name")).containsExactly("_id_");
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "a"))).isInstanceOf(MongoWriteException.class);
        });
    }

    /** A document with a value of each type the services store, nested ones too. */
    private static Document typed(String id, int n) {
        return new Document("_id", id).append("n", n).append("long", 1L << 40).append("double", 0.5).append("flag", true)
                .append("nothing", null).append("at", new java.util.Date(1_700_000_000_000L + n))
                .append("oid", new ObjectId("65f0c0ffee0000000000" + String.format("%04x", n % 65_536)))
                .append("list", List.of("a", 1, new Document("deep", List.of(2.5, "b"))))
                .append("nested", new Document("state", new Document("status", "active").append("offset", (long) n)));
    }

    private static Document withoutId(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        return copy;
    }

    private static void withCollection(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        try {
            String uri = "mongodb:/" + server.bind();
            try (MongoClient client = MongoClients.create(uri)) {
                use.accept(client.getDatabase("test").getCollection("views"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
