package dev.machinemarkets.platform.mongo;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/** Where a projection writes: each write replaces a view document unless a newer event already wrote it. */
public interface ViewWrites {

    /** The document's whole state as of the event at this offset; a deleted document keeps its offset as a tombstone. */
    void write(MongoCollection<Document> collection, String key, Document state, long offset, boolean deleted);

    default void applyIfNewer(MongoCollection<Document> collection, String key, Document state, long offset) {
        write(collection, key, state, offset, false);
    }

    /** Marks the document deleted, keeping its offset so that an older event cannot bring it back. */
    default void deleteIfNewer(MongoCollection<Document> collection, String key, long offset) {
        write(collection, key, new Document(), offset, true);
    }
}
