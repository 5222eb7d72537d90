package dev.machinemarkets.platform.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.Document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Applies the state an event carries to a view document, idempotently and in order: a document
 * remembers the Kafka offset of the event that last wrote it, and an event at or below that offset
 * changes nothing. Every event of one aggregate is on one partition, so offsets order them.
 *
 * <p>By default the offset check is part of the write (a conditional replace), which is safe with any
 * number of processes. The embedded store answers such a filter by scanning the whole collection (it
 * uses an index only when the filter's keys are exactly the index's), so the local stack, where every
 * writer is in one process, uses {@link Mode#SINGLE_PROCESS}: the write is a replace by id under a lock
 * per document, and the check reads the offset from a bounded cache of the offsets this writer stored. A
 * document the cache does not know is inserted, and only if it exists already is its offset read by id. One instance must then serve every writer of the process (the local stack
 * hands the same one to each service), or the locks and the cache would not see each other's writes.
 *
 * <p>Writes can be collected in a {@link Batch} and made together: per collection one read of the offsets
 * it does not know and one bulk write, and of several events for one document only the newest is written
 * (every event carries the document's whole state). A single write is a batch of one.
 */
public class ViewStore implements ViewWrites {

    public enum Mode {
        CONDITIONAL, SINGLE_PROCESS;

        /** The mode named by MMO_VIEW_WRITES ({@code conditional} or {@code single-process}); unset gives the fallback. */
        public static Mode of(Object setting, Mode fallback) {
            if (setting == null || setting.toString().isBlank()) {
                return fallback;
            }
            return switch (setting.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "conditional" -> CONDITIONAL;
                case "single-process" -> SINGLE_PROCESS;
                default -> throw new IllegalArgumentException("MMO_VIEW_WRITES is '" + setting
                        + "'; it must be conditional or single-process");
            };
        }
    }

    public static final String OFFSET = "_offset";
    public static final String DELETED = "_deleted";

    private static final int STRIPES = 256;
    private static final long CACHED_OFFSETS = 200_000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final InsertManyOptions UNORDERED_INSERT = new InsertManyOptions().ordered(false);

    private final Mode mode;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Cache<String, Long> storedOffsets = Caffeine.newBuilder().maximumSize(CACHED_OFFSETS).build();

    public ViewStore() {
        this(Mode.CONDITIONAL);
    }

    public ViewStore(Mode mode) {
        this.mode = mode;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public void write(MongoCollection<Document> collection, String key, Document state, long offset, boolean deleted) {
        written(collection, key, state, offset, deleted);
    }

    /** Whether this write was made, rather than skipped because a newer event had already written the document. */
    public boolean written(MongoCollection<Document> collection, String key, Document state, long offset, boolean deleted) {
        Batch batch = batch();
        batch.write(collection, key, state, offset, deleted);
        return batch.flush() == 1;
    }

    /** Collects writes until {@link Batch#flush()}. Not thread-safe: one batch per thread. */
    public Batch batch() {
        return new Batch();
    }

    public final class Batch implements ViewWrites {

        private final Map<String, Map<String, Pending>> byCollection = new LinkedHashMap<>();

        private Batch() {
        }

        @Override
        public void write(MongoCollection<Document> collection, String key, Document state, long offset, boolean deleted) {
            String namespace = collection.getNamespace().getFullName();
            Pending pending = new Pending(collection, key, namespace + "/" + key,
                    new Document(state).append("_id", key).append(OFFSET, offset).append(DELETED, deleted), offset);
            byCollection.computeIfAbsent(namespace, name -> new LinkedHashMap<>())
                    .merge(key, pending, (earlier, later) -> later.offset() > earlier.offset() ? later : earlier);
        }

        /** Makes the collected writes; returns how many documents were written. */
        public int flush() {
            int written = 0;
            for (Map<String, Pending> writes : byCollection.values()) {
                List<Pending> pending = new ArrayList<>(writes.values());
                written += mode == Mode.CONDITIONAL ? writeConditionally(pending) : writeUnderLocks(pending);
            }
            byCollection.clear();
            return written;
        }
    }

    private record Pending(MongoCollection<Document> collection, String key, String cacheKey, Document replacement, long offset) {
    }

    /**
     * The offset check is part of each replace; a document that a newer event already wrote does not match,
     * and the upsert then fails on its id, which is the expected answer. _id stays a top-level key of the
     * filter so that the store finds the document by its id instead of scanning the collection.
     */
    private static int writeConditionally(List<Pending> pending) {
        List<ReplaceOneModel<Document>> models = pending.stream().map(p -> new ReplaceOneModel<>(
                new Document("_id", p.key()).append(OFFSET, new Document("$lt", p.offset())), p.replacement(), UPSERT)).toList();
        return DuplicateKeys.ignored(models.size(), () -> pending.get(0).collection().bulkWrite(models, UNORDERED));
    }

    /**
     * Writes the documents that are older than their event. A document this writer has not seen yet is most
     * often a new one (a task, a route, an outcome), so it is inserted, which costs one round trip; only those
     * that turn out to exist already have their offset read, in one query, and are replaced if older.
     */
    private int writeUnderLocks(List<Pending> pending) {
        TreeSet<Integer> stripes = new TreeSet<>();
        pending.forEach(p -> stripes.add(Math.floorMod(p.cacheKey().hashCode(), STRIPES)));
        // always in ascending order, so that two batches never wait on each other
        stripes.forEach(stripe -> locks[stripe].lock());
        try {
            List<Pending> unseen = new ArrayList<>();
            List<Pending> older = new ArrayList<>();
            for (Pending p : pending) {
                Long cached = storedOffsets.getIfPresent(p.cacheKey());
                if (cached == null) {
                    unseen.add(p);
                } else if (cached < p.offset()) {
                    older.add(p);
                }
            }
            int inserted = 0;
            if (!unseen.isEmpty()) {
                Set<Integer> existing = forgottenOnFailure(unseen, () -> DuplicateKeys.rejected(() -> unseen.get(0).collection()
                        .insertMany(unseen.stream().map(Pending::replacement).toList(), UNORDERED_INSERT)));
                List<Pending> found = new ArrayList<>();
                for (int i = 0; i < unseen.size(); i++) {
                    if (existing.contains(i)) {
                        found.add(unseen.get(i));
                    } else {
                        storedOffsets.put(unseen.get(i).cacheKey(), unseen.get(i).offset());
                        inserted++;
                    }
                }
                Map<String, Long> stored = storedOffsets(found);
                for (Pending p : found) {
                    if (stored.get(p.key()) < p.offset()) {
                        older.add(p);
                    } else {
                        storedOffsets.put(p.cacheKey(), stored.get(p.key()));
                    }
                }
            }
            if (!older.isEmpty()) {
                forgottenOnFailure(older, () -> older.get(0).collection().bulkWrite(older.stream()
                        .map(p -> new ReplaceOneModel<>(new Document("_id", p.key()), p.replacement(), UPSERT)).toList(), UNORDERED));
                older.forEach(p -> storedOffsets.put(p.cacheKey(), p.offset()));
            }
            return inserted + older.size();
        } finally {
            stripes.descendingSet().forEach(stripe -> locks[stripe].unlock());
        }
    }

    /** Runs a write; if it fails, the documents may or may not have reached the store, so their offsets are read again next time. */
    private <T> T forgottenOnFailure(List<Pending> writes, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            writes.forEach(p -> storedOffsets.invalidate(p.cacheKey()));
            throw e;
        }
    }

    /** The stored offset of each of these documents, read in one query. */
    private static Map<String, Long> storedOffsets(List<Pending> pending) {
        Map<String, Long> stored = new HashMap<>();
        pending.forEach(p -> stored.put(p.key(), -1L));
        if (!pending.isEmpty()) {
            for (Document current : pending.get(0).collection().find(Filters.in("_id", stored.keySet())).projection(new Document(OFFSET, 1))) {
                Number offset = current.get(OFFSET, Number.class);
                stored.put(current.getString("_id"), offset == null ? -1L : offset.longValue());
            }
        }
        return stored;
    }

    /** The live (not deleted) document with this id, looked up by id alone, so never by a scan. */
    public static java.util.Optional<Document> findLive(MongoCollection<Document> collection, String id) {
        Document document = collection.find(new Document("_id", id)).first();
        return document == null || Boolean.TRUE.equals(document.getBoolean(DELETED)) ? java.util.Optional.empty()
                : java.util.Optional.of(document);
    }

    /** The live document with this id whose field has this value (e.g. a resource of one machine only). */
    public static java.util.Optional<Document> findLive(MongoCollection<Document> collection, String id, String field, Object value) {
        return findLive(collection, id).filter(document -> java.util.Objects.equals(document.get(field), value));
    }

    /**
     * One page of live documents matching the filter, in id order, after the page's cursor: up to limit + 1
     * rows, so that the caller can tell whether another page follows.
     */
    public static java.util.List<Document> page(MongoCollection<Document> collection, org.bson.conversions.Bson filter,
            dev.machinemarkets.platform.web.PageRequest page) {
        java.util.List<org.bson.conversions.Bson> all = new java.util.ArrayList<>(java.util.List.of(filter, live()));
        if (page.after() != null) {
            all.add(Filters.gt("_id", page.after()));
        }
        return collection.find(Filters.and(all)).sort(com.mongodb.client.model.Sorts.ascending("_id")).limit(page.limit() + 1)
                .into(new java.util.ArrayList<>());
    }

    /** A filter that hides deleted documents. */
    public static org.bson.conversions.Bson live() {
        return Filters.ne(DELETED, true);
    }
}
