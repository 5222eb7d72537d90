package dev.machinemarkets.resolver.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Region rules are region names or patterns with '*' (eu-*), each optionally prefixed with '!' to
 * deny. A region passes when no deny rule matches it and, if there are allow rules, one of them does.
 * A service without a region, or with region "global", runs anywhere: it passes allow rules and is
 * stopped only by a deny rule that names global (or "!*").
 */
public final class RegionRules {

    public static final String GLOBAL = "global";

    private RegionRules() {
    }

    /** Empty when the region passes; otherwise why not. */
    public static Optional<String> check(List<String> rules, String region) {
        String subject = region == null || region.isBlank() ? GLOBAL : region.toLowerCase(Locale.ROOT);
        boolean global = GLOBAL.equals(subject);
        boolean anyAllow = false;
        boolean allowed = false;
        for (String rule : rules) {
            if (rule.startsWith("!")) {
                String pattern = rule.substring(1);
                if (matches(pattern, subject)) {
                    return Optional.of("region " + subject + " is denied by " + rule);
                }
            } else {
                anyAllow = true;
                allowed |= global || matches(rule, subject);
            }
        }
        return !anyAllow || allowed ? Optional.empty() : Optional.of("region " + subject + " is not in " + allowRules(rules));
    }

    static boolean matches(String pattern, String region) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
        return region.matches(regex);
    }

    private static String allowRules(List<String> rules) {
        return String.join(", ", rules.stream().filter(rule -> !rule.startsWith("!")).toList());
    }
}
