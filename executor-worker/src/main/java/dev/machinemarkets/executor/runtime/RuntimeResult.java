package dev.machinemarkets.executor.runtime;

/** What a runtime call came to: its JSON result, or a failure of one of three kinds. */
public sealed interface RuntimeResult {

    record Success(String resultJson) implements RuntimeResult {
    }

    /** ERROR: the runtime answered with a failure; UNAVAILABLE: it could not be asked; TIMEOUT: it did not answer in time. */
    record Failure(Kind kind, String message) implements RuntimeResult {
    }

    enum Kind {
        ERROR("RUNTIME_ERROR", 502), UNAVAILABLE("RUNTIME_UNAVAILABLE", 503), TIMEOUT("RUNTIME_TIMEOUT", 504);

        private final String code;
        private final int httpStatus;

        Kind(String code, int httpStatus) {
            this.code = code;
            this.httpStatus = httpStatus;
        }

        public String code() {
            return code;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }
}
