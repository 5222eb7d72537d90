package dev.machinemarkets.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;

/** Unordered bulk writes in which a duplicate key means "already written", as replays and guarded upserts produce. */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Runs the write of {@code attempted} documents; returns how many were written. Any other write error is thrown. */
    public static int ignored(int attempted, Runnable bulkWrite) {
        try {
            bulkWrite.run();
            return attempted;
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return attempted - e.getWriteErrors().size();
        }
    }
}
