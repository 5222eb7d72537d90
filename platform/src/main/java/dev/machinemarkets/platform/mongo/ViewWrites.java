package dev.machinemarkets.platform.mongo;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/** Where a projection writes: each write replaces a view document unless a newer event already wrote it. */
public interface ViewWrites {

    void applyIfNewer(MongoCollection<Document> collection, String key, Document state, long offset);

    /** Marks the document deleted, keeping its offset so that an older event cannot bring it back. */
    void deleteIfNewer(MongoCollection<Document> collection, String key, long offset);
}
