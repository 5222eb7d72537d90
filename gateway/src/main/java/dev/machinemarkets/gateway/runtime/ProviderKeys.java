package dev.machinemarkets.gateway.runtime;

import java.util.Locale;
import java.util.regex.Pattern;

/** Provider keys are compared in lower case: "QVAC" and "qvac" name one provider. */
public final class ProviderKeys {

    public static final String RULE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    private ProviderKeys() {
    }

    public static String normalize(String providerKey) {
        return providerKey == null ? null : providerKey.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String normalized) {
        return normalized != null && VALID.matcher(normalized).matches();
    }
}
