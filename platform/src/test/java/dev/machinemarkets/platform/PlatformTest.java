package dev.machinemarkets.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.secrets.SecretBox;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;
import dev.machinemarkets.schemas.state.MachineState;

class PlatformTest {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ViewStore.Mode.class)
    void viewsApplyEachEventOnceAndNeverGoBack(ViewStore.Mode mode) {
        MongoCollection<Document> views = client.getDatabase("test").getCollection("views-" + System.nanoTime());
        ViewStore store = new ViewStore(mode);

        assertThat(store.written(views, "a", new Document("name", "v5"), 5, false)).isTrue();
        assertThat(store.written(views, "a", new Document("name", "v5-again"), 5, false)).isFalse();
        assertThat(store.written(views, "a", new Document("name", "v3"), 3, false)).isFalse();
        assertThat(views.find(Filters.eq("_id", "a")).first().getString("name")).isEqualTo("v5");

        assertThat(store.written(views, "a", new Document(), 7, true)).isTrue();
        assertThat(store.written(views, "a", new Document("name", "v6"), 6, false)).isFalse();
        assertThat(views.find(Filters.and(Filters.eq("_id", "a"), ViewStore.live())).first()).isNull();
        assertThat(store.written(views, "a", new Document("name", "v8"), 8, false)).isTrue();
        assertThat(views.find(Filters.and(Filters.eq("_id", "a"), ViewStore.live())).first().getString("name")).isEqualTo("v8");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ViewStore.Mode.class)
    void writersSharingOneStoreEndOnTheNewestEventWhateverOrderTheyRaceIn(ViewStore.Mode mode) throws Exception {
        MongoCollection<Document> views = client.getDatabase("test").getCollection("race-" + System.nanoTime());
        ViewStore store = new ViewStore(mode);
        List<Long> offsets = new ArrayList<>();
        for (long offset = 1; offset <= 400; offset++) {
            offsets.add(offset);
        }
        java.util.Collections.shuffle(offsets, new java.util.Random(7));
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> writes = new ArrayList<>();
            for (long offset : offsets) {
                writes.add(writers.submit(() -> store.written(views, "doc", new Document("name", "v" + offset), offset, false)));
            }
            for (java.util.concurrent.Future<Boolean> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }
        Document stored = views.find(Filters.eq("_id", "doc")).first();
        assertThat(stored.getString("name")).isEqualTo("v400");
        assertThat(stored.get(ViewStore.OFFSET, Number.class).longValue()).isEqualTo(400L);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ViewStore.Mode.class)
    void aBatchWritesOnlyTheNewestStateOfEachDocumentAndSkipsWhatIsAlreadyNewer(ViewStore.Mode mode) {
        MongoCollection<Document> views = client.getDatabase("test").getCollection("batch-" + System.nanoTime());
        ViewStore store = new ViewStore(mode);
        assertThat(store.written(views, "kept", new Document("name", "v9"), 9, false)).isTrue();

        ViewStore.Batch batch = store.batch();
        batch.applyIfNewer(views, "a", new Document("name", "v1"), 1);
        batch.applyIfNewer(views, "a", new Document("name", "v4"), 4);
        batch.applyIfNewer(views, "a", new Document("name", "v2"), 2);
        batch.applyIfNewer(views, "kept", new Document("name", "v5"), 5);
        batch.deleteIfNewer(views, "gone", 3);
        assertThat(batch.flush()).isEqualTo(2);

        assertThat(views.find(Filters.eq("_id", "a")).first().getString("name")).isEqualTo("v4");
        assertThat(views.find(Filters.eq("_id", "kept")).first().getString("name")).isEqualTo("v9");
        assertThat(views.find(Filters.eq("_id", "gone")).first().getBoolean(ViewStore.DELETED)).isTrue();
        assertThat(store.written(views, "a", new Document("name", "v3"), 3, false)).isFalse();
    }

    @Test
    void theViewWriteModeIsReadFromItsSettingAndAnUnknownOneIsRefused() {
        assertThat(ViewStore.Mode.of(null, ViewStore.Mode.CONDITIONAL)).isEqualTo(ViewStore.Mode.CONDITIONAL);
        assertThat(ViewStore.Mode.of(" Single-Process ", ViewStore.Mode.CONDITIONAL)).isEqualTo(ViewStore.Mode.SINGLE_PROCESS);
        assertThat(ViewStore.Mode.of("conditional", ViewStore.Mode.SINGLE_PROCESS)).isEqualTo(ViewStore.Mode.CONDITIONAL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ViewStore.Mode.of("single_process", ViewStore.Mode.CONDITIONAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MMO_VIEW_WRITES").hasMessageContaining("single-process");
    }

    @Test
    void aSingleProcessStoreThatHasNotSeenADocumentReadsItsOffsetFromTheStore() {
        MongoCollection<Document> views = client.getDatabase("test").getCollection("restart-" + System.nanoTime());
        assertThat(new ViewStore(ViewStore.Mode.SINGLE_PROCESS).written(views, "a", new Document("name", "v5"), 5, false)).isTrue();

        ViewStore afterRestart = new ViewStore(ViewStore.Mode.SINGLE_PROCESS);
        assertThat(afterRestart.written(views, "a", new Document("name", "v3"), 3, false)).isFalse();
        assertThat(afterRestart.written(views, "a", new Document("name", "v6"), 6, false)).isTrue();
        assertThat(views.find(Filters.eq("_id", "a")).first().getString("name")).isEqualTo("v6");
    }

    @Test
    void aSingleProcessBatchInsertsWhatIsNewAndChecksWhatExistsAgainstTheStoredOffset() {
        MongoCollection<Document> views = client.getDatabase("test").getCollection("unseen-" + System.nanoTime());
        ViewStore before = new ViewStore(ViewStore.Mode.SINGLE_PROCESS);
        before.written(views, "newer-stored", new Document("name", "v5"), 5, false);
        before.written(views, "older-stored", new Document("name", "v2"), 2, false);

        ViewStore afterRestart = new ViewStore(ViewStore.Mode.SINGLE_PROCESS);
        ViewStore.Batch batch = afterRestart.batch();
        batch.applyIfNewer(views, "newer-stored", new Document("name", "v3"), 3);
        batch.applyIfNewer(views, "older-stored", new Document("name", "v7"), 7);
        batch.applyIfNewer(views, "new", new Document("name", "v1"), 1);
        assertThat(batch.flush()).isEqualTo(2);

        assertThat(views.find(Filters.eq("_id", "newer-stored")).first().getString("name")).isEqualTo("v5");
        assertThat(views.find(Filters.eq("_id", "older-stored")).first().getString("name")).isEqualTo("v7");
        assertThat(views.find(Filters.eq("_id", "new")).first().getString("name")).isEqualTo("v1");
        // what it learnt from the store holds for the next write
        assertThat(afterRestart.written(views, "newer-stored", new Document("name", "v4"), 4, false)).isFalse();
        assertThat(afterRestart.written(views, "new", new Document("name", "v0"), 0, false)).isFalse();
        assertThat(afterRestart.written(views, "older-stored", new Document("name", "v8"), 8, false)).isTrue();
    }

    @Test
    void avroStateRoundTripsThroughADocumentAndShowsIsoTimes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MachineState machine = MachineState.newBuilder().setId("mach_1").setDisplayName("R").setStatus("active")
                .setIdentityRef("peaqos:machine:1").setCapabilities(List.of("gpu")).setLabels(Map.of("k", "v"))
                .setCreatedAt(now).setUpdatedAt(now).build();
        Document document = AvroDocuments.toDocument(machine);
        assertThat(AvroDocuments.fromDocument(document, MachineState.class)).isEqualTo(machine);

        Map<String, Object> view = AvroDocuments.toView(document.append("_offset", 3L));
        assertThat(view).doesNotContainKey("_offset").containsEntry("createdAt", now.toString()).containsEntry("ownerId", null);
    }

    @Test
    void idsSortInTheOrderTheyWereMade() {
        Instant at = Instant.now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(Ids.newId("evt", at));
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertThat(sorted).isEqualTo(ids);
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("evt_[0-9A-HJKMNP-TV-Z]{26}"));
        String earlier = Ids.newId("x", at);
        assertThat(Ids.newId("x", at.plusSeconds(1))).isGreaterThan(earlier);
        assertThat(Ids.newId("x", at)).as("a clock that steps back does not reorder ids").isGreaterThan(earlier);
    }

    @Test
    void pagesCarryAnOpaqueCursorUntilTheLastPage() {
        PageRequest first = PageRequest.of("2", null);
        ListResponse<String> page = first.page(List.of("a", "b", "c"), s -> s, String::toUpperCase);
        assertThat(page.items()).containsExactly("A", "B");
        assertThat(PageRequest.of("2", page.nextCursor()).after()).isEqualTo("b");
        assertThat(first.page(List.of("a", "b"), s -> s, s -> s).nextCursor()).isNull();
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(100);
        for (String bad : new String[] {"0", "501", "x", "1.5"}) {
            assertThatThrownBy(() -> PageRequest.of(bad, null)).isInstanceOf(ApiException.class);
        }
        assertThatThrownBy(() -> PageRequest.of(null, "!!")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of(null, Base64.getUrlEncoder().encodeToString("other".getBytes())))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void secretsAreSealedWithAFreshNonceAndOpenOnlyWithTheirKey() {
        byte[] key = new byte[32];
        key[0] = 7;
        SecretBox box = new SecretBox(key);
        String sealed = box.seal("runtime-token");
        assertThat(sealed).startsWith("v1:").doesNotContain("runtime-token").isNotEqualTo(box.seal("runtime-token"));
        assertThat(box.open(sealed)).isEqualTo("runtime-token");
        assertThatThrownBy(() -> new SecretBox(new byte[32]).open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretBox.fromBase64(null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
