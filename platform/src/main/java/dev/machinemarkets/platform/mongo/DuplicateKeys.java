package dev.machinemarkets.platform.mongo;

import java.util.HashSet;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;

/** Unordered bulk writes in which a duplicate key means "already written", as replays and guarded upserts produce. */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Runs the write of {@code attempted} documents; returns how many were written. Any other write error is thrown. */
    public static int ignored(int attempted, Runnable bulkWrite) {
        return attempted - rejected(bulkWrite).size();
    }

    /** Runs the write; returns the positions, within it, of the writes that met a duplicate key. Any other write error is thrown. */
    public static Set<Integer> rejected(Runnable bulkWrite) {
        try {
            bulkWrite.run();
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> positions = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                positions.add(error.getIndex());
            }
            return positions;
        }
    }
}
