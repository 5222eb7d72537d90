package dev.machinemarkets.schemas;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 refuses to instantiate classes it has not been told to trust while decoding.
 * The generated classes of this module are the only ones our events contain, so they are
 * trusted here, once, before any decoding happens.
 */
public final class AvroTrust {

    private static final String GENERATED_PACKAGE_PREFIX = "dev.machinemarkets.schemas.";

    private static volatile boolean installed;

    private AvroTrust() {
    }

    public static void install() {
        if (installed) {
            return;
        }
        synchronized (AvroTrust.class) {
            if (!installed) {
                ClassSecurityPredicate ours = type -> type.getName().startsWith(GENERATED_PACKAGE_PREFIX);
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), ours));
                installed = true;
            }
        }
    }
}
