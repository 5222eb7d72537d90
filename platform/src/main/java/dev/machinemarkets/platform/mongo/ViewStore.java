package dev.machinemarkets.platform.mongo;

import org.bson.Document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
 * per document, and the check reads the offset from a bounded cache of the offsets this writer stored,
 * falling back to a read by id. One instance must then serve every writer of the process (the local stack
 * hands the same one to each service), or the locks and the cache would not see each other's writes.
 */
public class ViewStore {

    public enum Mode { CONDITIONAL, SINGLE_PROCESS }

    private static final int STRIPES = 256;
    private static final long CACHED_OFFSETS = 200_000;

    private final Mode mode;
    private final Object[] locks = new Object[STRIPES];
    private final Cache<String, Long> storedOffsets = Caffeine.newBuilder().maximumSize(CACHED_OFFSETS).build();

    public ViewStore() {
        this(Mode.CONDITIONAL);
    }

    public ViewStore(Mode mode) {
        this.mode = mode;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    public Mode mode() {
        return mode;
    }

    public static final String OFFSET = "_offset";
    public static final String DELETED = "_deleted";

    /** Replaces the document unless a newer event has already written it. Returns whether it was written. */
    public boolean applyIfNewer(MongoCollection<Document> collection, String key, Document state, long offset) {
        return write(collection, key, new Document(state), offset, false);
    }

    private boolean write(MongoCollection<Document> collection, String key, Document replacement, long offset, boolean deleted) {
        if (mode == Mode.CONDITIONAL) {
            return writeConditionally(collection, key, replacement, offset, deleted);
        }
        String documentKey = collection.getNamespace().getFullName() + "/" + key;
        synchronized (locks[Math.floorMod(documentKey.hashCode(), STRIPES)]) {
            Long stored = storedOffsets.getIfPresent(documentKey);
            if (stored == null) {
                stored = storedOffset(collection, key);
            }
            if (stored >= offset) {
                storedOffsets.put(documentKey, stored);
                return false;
            }
            replacement.append("_id", key).append(OFFSET, offset).append(DELETED, deleted);
            try {
                collection.replaceOne(new Document("_id", key), replacement, new ReplaceOptions().upsert(true));
            } catch (RuntimeException e) {
                // the write may or may not have reached the store: read it again next time
                storedOffsets.invalidate(documentKey);
                throw e;
            }
            storedOffsets.put(documentKey, offset);
            return true;
        }
    }

    private static long storedOffset(MongoCollection<Document> collection, String key) {
        Document current = collection.find(new Document("_id", key)).projection(new Document(OFFSET, 1)).first();
        Number stored = current == null ? null : current.get(OFFSET, Number.class);
        return stored == null ? -1 : stored.longValue();
    }

    /** Marks the document deleted, keeping its offset so that an older event cannot bring it back. */
    public boolean deleteIfNewer(MongoCollection<Document> collection, String key, long offset) {
        return write(collection, key, new Document(), offset, true);
    }

    private static boolean writeConditionally(MongoCollection<Document> collection, String key, Document replacement, long offset,
            boolean deleted) {
        replacement.append("_id", key).append(OFFSET, offset).append(DELETED, deleted);
        try {
            // _id stays a top-level key of the filter so that the store finds the document by its id
            // instead of scanning the collection.
            collection.replaceOne(new Document("_id", key).append(OFFSET, new Document("$lt", offset)), replacement,
                    new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
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
