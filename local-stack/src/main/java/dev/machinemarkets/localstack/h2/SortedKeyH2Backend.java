package dev.machinemarkets.localstack.h2;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * mongo-java-server's H2 backend with its unique indexes (every collection's _id among them) ordered by
 * {@link KeyValueType} instead of by serialized bytes. The indexes live in maps of their own name, so a data file
 * written by the plain backend still opens: its collections get their indexes rebuilt from their documents the
 * first time, and the plain backend's index maps are left behind unused.
 */
public final class SortedKeyH2Backend extends H2Backend {

    private static final String INDEX_MAP_INFIX = "._sorted_index_";

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
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(indexMapName(collection.getCollectionName(), indexName));
        }

        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName;
        }
    }
}
