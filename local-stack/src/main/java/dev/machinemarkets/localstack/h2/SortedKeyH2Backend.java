package dev.machinemarkets.localstack.h2;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * mongo-java-server's H2 backend with its unique indexes (every collection's _id among them) ordered by
 * {@link KeyValueType} instead of by serialized bytes, and its documents written as BSON ({@link DocumentType})
 * instead of Java-serialized. A data file written by the plain backend still opens: the indexes live in maps of
 * their own name, so its collections get them rebuilt from their documents the first time (the plain backend's
 * index maps are left behind unused), and documents in the old form are still read.
 */
public final class SortedKeyH2Backend extends H2Backend {

    private static final String INDEX_MAP_INFIX = "._sorted_index_";
    /** The names the plain backend gives a collection's maps, kept so that its data files open as they are. */
    private static final String DOCUMENTS_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    public SortedKeyH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** An inner class: the database opens its indexes while it is constructed, and then needs the backend's store. */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> positions = getMvStore().openMap(indexMapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            return new SortedKeyIndex(positions, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap(DOCUMENTS_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + namespace);
            return new H2Collection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(indexMapName(collection.getCollectionName(), indexName));
        }

        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName;
        }
    }
}
