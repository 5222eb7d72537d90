package dev.machinemarkets.gateway.machines;

import java.util.Locale;
import java.util.regex.Pattern;

/** The two accepted forms of a machine's identityRef. */
public final class IdentityRefs {

    public static final String RULE = "must be did:peaq:0x followed by 40 hex digits, or peaqos:machine:<id>";
    private static final Pattern DID = Pattern.compile("^did:peaq:0x[0-9a-fA-F]{40}$");
    private static final Pattern PEAQOS = Pattern.compile("^peaqos:machine:[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");

    private IdentityRefs() {
    }

    public static boolean isValid(String identityRef) {
        return identityRef != null && (DID.matcher(identityRef).matches() || PEAQOS.matcher(identityRef).matches());
    }

    /** The form two identityRefs are compared in: hex digits of a DID do not distinguish identities by case. */
    public static String canonical(String identityRef) {
        return identityRef.startsWith("did:peaq:") ? identityRef.toLowerCase(Locale.ROOT) : identityRef;
    }
}
